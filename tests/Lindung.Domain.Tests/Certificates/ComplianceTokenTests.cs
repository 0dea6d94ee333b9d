using System.Security.Cryptography;
using System.Text;
using Lindung.Domain.Certificates;

namespace Lindung.Domain.Tests.Certificates;

public sealed class ComplianceTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    private static CertificateClaims Claims(DateTimeOffset? expires = null) => new(
        "lindung", Guid.Empty.ToString(), "0193a1b2-0000-7000-8000-000000000001",
        Now.ToUnixTimeSeconds(), (expires ?? Now.AddDays(30)).ToUnixTimeSeconds(), "PT Maju Jaya", "12345678", "1234567890123", null);

    [Fact]
    public void Signed_token_verifies_with_its_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = ComplianceToken.Sign(Claims(), "k1", key);

        var check = ComplianceToken.Verify(token, kid => kid == "k1" ? key : null, Now);

        Assert.Equal(TokenVerdict.Valid, check.Verdict);
        Assert.Equal("PT Maju Jaya", check.Claims!.Name);
        Assert.Equal("k1", check.KeyId);
        Assert.DoesNotContain("npwp", Encoding.UTF8.GetString(Decode(token.Split('.')[1])), StringComparison.Ordinal);
    }

    [Fact]
    public void Header_is_standard_es256_jwt()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var header = Encoding.UTF8.GetString(Decode(ComplianceToken.Sign(Claims(), "k1", key).Split('.')[0]));

        Assert.Equal("""{"alg":"ES256","kid":"k1","typ":"JWT"}""", header);
    }

    [Fact]
    public void One_character_changed_anywhere_is_never_valid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = ComplianceToken.Sign(Claims(), "k1", key);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (var i = 0; i < token.Length; i++)
        {
            foreach (var replacement in new[] { alphabet[(alphabet.IndexOf(token[i], StringComparison.Ordinal) + 1) % alphabet.Length], 'A', '_', '.' })
            {
                if (replacement == token[i])
                {
                    continue;
                }

                var changed = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
                var check = ComplianceToken.Verify(changed, kid => kid == "k1" ? key : null, Now);
                Assert.False(check.IsValid, $"position {i} changed to '{replacement}' still verified");
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.???.###")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9..")]
    [InlineData("bm90IGpzb24.bm90IGpzb24.AAAA")]
    public void Garbage_is_malformed_not_a_crash(string token)
    {
        var check = ComplianceToken.Verify(token, _ => null, Now);

        Assert.Equal(TokenVerdict.Malformed, check.Verdict);
    }

    [Fact]
    public void Truncated_token_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = ComplianceToken.Sign(Claims(), "k1", key);
        for (var length = 0; length < token.Length; length += 7)
        {
            Assert.False(ComplianceToken.Verify(token[..length], _ => key, Now).IsValid);
        }
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("RS256")]
    [InlineData("es256")]
    public void Other_algorithms_are_refused_by_name(string alg)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var payload = ComplianceToken.Sign(Claims(), "k1", key).Split('.')[1];
        var header = Base64Url.Encode(Encoding.UTF8.GetBytes($$"""{"alg":"{{alg}}","kid":"k1","typ":"JWT"}"""));

        Assert.Equal(TokenVerdict.AlgorithmNotAllowed, ComplianceToken.Verify($"{header}.{payload}.", _ => key, Now).Verdict);
        Assert.Equal(TokenVerdict.AlgorithmNotAllowed, ComplianceToken.Verify($"{header}.{payload}.AAAA", _ => key, Now).Verdict);
    }

    [Fact]
    public void Expired_token_is_authentic_but_not_valid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = ComplianceToken.Sign(Claims(Now.AddSeconds(-1)), "k1", key);

        var check = ComplianceToken.Verify(token, _ => key, Now);

        Assert.Equal(TokenVerdict.Expired, check.Verdict);
        Assert.True(check.IsAuthentic);
        Assert.False(check.IsValid);
    }

    [Fact]
    public void Another_key_or_unknown_kid_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = ComplianceToken.Sign(Claims(), "k1", key);

        Assert.Equal(TokenVerdict.BadSignature, ComplianceToken.Verify(token, _ => other, Now).Verdict);
        Assert.Equal(TokenVerdict.UnknownKey, ComplianceToken.Verify(token, _ => null, Now).Verdict);
    }

    [Fact]
    public void Jwks_verifies_with_an_independent_key_imported_from_x_and_y()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = ComplianceToken.Sign(Claims(), "k1", key);
        var jwks = JwkSet.Parse(new JwkSet([Jwk.From("k1", key)]).ToJson())!;
        var jwk = Assert.Single(jwks.Keys);
        Assert.Equal(("EC", "P-256", "ES256", "sig"), (jwk.Kty, jwk.Crv, jwk.Alg, jwk.Use));

        // Independent of the codec: import x/y, verify the raw R||S signature over header.payload.
        using var independent = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Decode(jwk.X), Y = Decode(jwk.Y) },
        });
        var parts = token.Split('.');
        Assert.True(independent.VerifyData(
            Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Decode(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.True(ComplianceToken.Verify(token, jwks.Lookup(), Now).IsValid);
    }

    [Fact]
    public void Garbage_jwks_is_not_a_jwks()
    {
        Assert.Null(JwkSet.Parse("not json"));
        Assert.Null(JwkSet.Parse("{}"));
        var set = JwkSet.Parse("""{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA","kid":"k","use":"sig","alg":"ES256"}]}""")!;
        Assert.Null(set.Lookup()("k"));
    }

    private static byte[] Decode(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4));
}
