using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lindung.Domain.Certificates;

/// <summary>
/// What a compliance certificate's token says, with short claim names to keep the QR small:
/// <c>iss</c>, <c>sub</c> (the employer's id), <c>jti</c> (the certificate's id), <c>iat</c>,
/// <c>exp</c> (seconds since the epoch) and the employer's <c>name</c>, <c>npp</c>, <c>nib</c>, <c>npwp</c>.
/// </summary>
public sealed record CertificateClaims(
    [property: JsonPropertyName("iss")] string Issuer,
    [property: JsonPropertyName("sub")] string EmployerId,
    [property: JsonPropertyName("jti")] string Id,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long ExpiresAt,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("npp"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Npp = null,
    [property: JsonPropertyName("nib"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nib = null,
    [property: JsonPropertyName("npwp"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Npwp = null)
{
    public DateTimeOffset ValidUntil => DateTimeOffset.FromUnixTimeSeconds(ExpiresAt);
}

/// <summary>Why a token is not (or is) a valid certificate; the codes the page, API and CLI show.</summary>
public enum TokenVerdict
{
    Valid,
    Expired,

    /// <summary>Not three base64url parts, not JSON, or missing a claim: nothing to believe.</summary>
    Malformed,

    /// <summary>The header names an algorithm other than ES256 (<c>none</c>, <c>HS256</c>, …).</summary>
    AlgorithmNotAllowed,

    /// <summary>The key id is not among the published keys.</summary>
    UnknownKey,

    /// <summary>The signature does not match: the token was changed or forged.</summary>
    BadSignature,
}

/// <summary>The verdict and, when the signature held, the claims it vouches for.</summary>
public sealed record TokenCheck(TokenVerdict Verdict, CertificateClaims? Claims = null, string? KeyId = null)
{
    public bool IsValid => Verdict == TokenVerdict.Valid;

    /// <summary>Whether the signature held (valid or merely expired): only then may the claims be shown.</summary>
    public bool IsAuthentic => Verdict is TokenVerdict.Valid or TokenVerdict.Expired;

    public string ReasonCode => Verdict switch
    {
        TokenVerdict.Valid => "VALID",
        TokenVerdict.Expired => "EXPIRED",
        TokenVerdict.Malformed => "MALFORMED",
        TokenVerdict.AlgorithmNotAllowed => "ALGORITHM_NOT_ALLOWED",
        TokenVerdict.UnknownKey => "UNKNOWN_KEY",
        _ => "BAD_SIGNATURE",
    };
}

/// <summary>
/// A compact JWS (RFC 7515) signed with ES256 (ECDSA P-256, SHA-256), header
/// <c>{"alg":"ES256","kid":…,"typ":"JWT"}</c>, signature as raw R||S (IEEE P1363), so any standard
/// JOSE library verifies it against the published JWKS. Only ES256 is accepted; every part must be
/// canonical base64url, so no changed character slips through in the unused bits of a last one.
/// </summary>
public static class ComplianceToken
{
    public const string Algorithm = "ES256";

    /// <summary>Tokens longer than this are not certificates; refused before any parsing.</summary>
    public const int MaxLength = 4096;

    public static string Sign(CertificateClaims claims, string keyId, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(key);
        var header = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new TokenHeader(Algorithm, keyId, "JWT"), CertificateJsonContext.Default.TokenHeader));
        var payload = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(claims, CertificateJsonContext.Default.CertificateClaims));
        var signingInput = $"{header}.{payload}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url.Encode(signature)}";
    }

    /// <summary>Checks the token against the keys (by key id) and the clock; never throws on any input.</summary>
    public static TokenCheck Verify(string? token, Func<string, ECDsa?> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parts = (token ?? string.Empty).Trim().Split('.');
        if (token is null || token.Length > MaxLength || parts.Length != 3 || !Base64Url.TryDecode(parts[0], out var headerBytes))
        {
            return new TokenCheck(TokenVerdict.Malformed);
        }

        var header = Read(headerBytes, CertificateJsonContext.Default.TokenHeader);
        if (header is null)
        {
            return new TokenCheck(TokenVerdict.Malformed);
        }

        // Named before the rest is read: an unsigned (alg none) token has an empty signature part.
        if (!string.Equals(header.Alg, Algorithm, StringComparison.Ordinal))
        {
            return new TokenCheck(TokenVerdict.AlgorithmNotAllowed);
        }

        if (!Base64Url.TryDecode(parts[1], out var payloadBytes) || !Base64Url.TryDecode(parts[2], out var signature))
        {
            return new TokenCheck(TokenVerdict.Malformed);
        }

        var key = string.IsNullOrEmpty(header.Kid) ? null : keys(header.Kid);
        if (key is null)
        {
            return new TokenCheck(TokenVerdict.UnknownKey, KeyId: header.Kid);
        }

        var signingInput = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        if (signature.Length != 64 || !key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return new TokenCheck(TokenVerdict.BadSignature, KeyId: header.Kid);
        }

        var claims = Read(payloadBytes, CertificateJsonContext.Default.CertificateClaims);
        if (claims is null || string.IsNullOrEmpty(claims.Id) || string.IsNullOrEmpty(claims.Name) || claims.ExpiresAt <= 0)
        {
            return new TokenCheck(TokenVerdict.Malformed, KeyId: header.Kid);
        }

        return new TokenCheck(now.ToUnixTimeSeconds() >= claims.ExpiresAt ? TokenVerdict.Expired : TokenVerdict.Valid, claims, header.Kid);
    }

    private static T? Read<T>(byte[] utf8, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The JOSE header: ES256, the key id, JWT.</summary>
internal sealed record TokenHeader(
    [property: JsonPropertyName("alg")] string? Alg,
    [property: JsonPropertyName("kid")] string? Kid,
    [property: JsonPropertyName("typ")] string? Typ);

[JsonSerializable(typeof(TokenHeader))]
[JsonSerializable(typeof(CertificateClaims))]
[JsonSerializable(typeof(JwkSet))]
internal sealed partial class CertificateJsonContext : JsonSerializerContext;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(JwkSet))]
internal sealed partial class JwkSetJsonContext : JsonSerializerContext;

/// <summary>base64url without padding (RFC 7515 §2); decoding accepts only the canonical form.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text) || text.Length % 4 == 1 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        try
        {
            bytes = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return false;
        }

        // Canonical only: a last character whose unused bits differ decodes to the same bytes.
        return string.Equals(Encode(bytes), text, StringComparison.Ordinal);
    }
}

/// <summary>One public key as a JWK (RFC 7517): EC P-256, coordinates base64url.</summary>
public sealed record Jwk(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg)
{
    public static Jwk From(string keyId, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var p = key.ExportParameters(includePrivateParameters: false);
        return new Jwk("EC", "P-256", Base64Url.Encode(p.Q.X), Base64Url.Encode(p.Q.Y), keyId, "sig", ComplianceToken.Algorithm);
    }

    /// <summary>The public key, or null when the JWK is not an EC P-256 key with valid coordinates.</summary>
    public ECDsa? ToPublicKey()
    {
        if (Kty != "EC" || Crv != "P-256" || !Base64Url.TryDecode(X ?? "", out var x) || !Base64Url.TryDecode(Y ?? "", out var y) || x.Length != 32 || y.Length != 32)
        {
            return null;
        }

        try
        {
            return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>A JWK set (<c>{"keys":[…]}</c>), as published at <c>/.well-known/jwks.json</c>.</summary>
public sealed record JwkSet([property: JsonPropertyName("keys")] IReadOnlyList<Jwk> Keys)
{
    public string ToJson() => JsonSerializer.Serialize(this, JwkSetJsonContext.Default.JwkSet);

    /// <summary>Parses a JWKS file; null when it is not one.</summary>
    public static JwkSet? Parse(string json)
    {
        try
        {
            var set = JsonSerializer.Deserialize(json, JwkSetJsonContext.Default.JwkSet);
            return set?.Keys is null ? null : set;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A lookup by key id for <see cref="ComplianceToken.Verify"/>.</summary>
    public Func<string, ECDsa?> Lookup()
    {
        var keys = Keys.Where(k => k is not null).GroupBy(k => k.Kid, StringComparer.Ordinal)
            .Select(g => (Kid: g.Key, Key: g.First().ToPublicKey())).Where(k => k.Key is not null)
            .ToDictionary(k => k.Kid, k => k.Key!, StringComparer.Ordinal);
        return kid => keys.GetValueOrDefault(kid);
    }
}
