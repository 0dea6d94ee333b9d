using Lindung.Data.Entities;

namespace Lindung.Features.Certificates;

/// <summary>A certificate as the API shows it to those who may see the employer; the token is what the QR carries.</summary>
internal sealed record CertificateDto(
    Guid Id, Guid EmployerId, string EmployerName, string? Npp, string? Nib, string? Npwp, string RegionCode,
    string IssuedBy, DateTime IssuedAt, DateTime ValidUntil, string KeyId, string Token, string VerifyUrl,
    DateTime? RevokedAt, string? RevokedBy, string? RevokedReason)
{
    public static CertificateDto From(ComplianceCertificate c, string baseUrl) => new(
        c.Id, c.EmployerId, c.EmployerName, c.Npp, c.Nib, c.Npwp, c.RegionCode, c.IssuedBy,
        DateTime.SpecifyKind(c.IssuedAt, DateTimeKind.Utc), DateTime.SpecifyKind(c.ValidUntil, DateTimeKind.Utc), c.KeyId, c.Token,
        VerifyUrlOf(baseUrl, c.Token), c.RevokedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, c.RevokedBy, c.RevokedReason);

    public static string VerifyUrlOf(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/verifikasi/{token}";

    /// <summary>The register's status at a moment, in the verification's words: VALID, EXPIRED or REVOKED.</summary>
    public string StatusAt(DateTimeOffset now) => RevokedAt is not null ? "REVOKED" : ValidUntil <= now.UtcDateTime ? "EXPIRED" : "VALID";
}

/// <summary>The employer as a certificate names it: name and identifiers only, never a worker.</summary>
internal sealed record CertifiedEmployer(string Name, string? Npp, string? Nib, string? Npwp);

/// <summary>
/// What a verification answers: whether the certificate is valid, its status (VALID, EXPIRED,
/// REVOKED, FORGED), the employer it names (only when the signature held), until when, the reason
/// code, and whether revocation was checked (not offline).
/// </summary>
internal sealed record CertificateVerification(
    bool Valid, string Status, CertifiedEmployer? Employer, DateTimeOffset? ValidUntil, string Reason, bool RevocationChecked);
