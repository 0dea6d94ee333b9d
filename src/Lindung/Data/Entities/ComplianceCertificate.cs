namespace Lindung.Data.Entities;

/// <summary>
/// A Surat Keterangan Kepatuhan: issued for an employer found PATUH, valid until a date, revocable.
/// The id is the token's <c>jti</c>; the employer's name and identifiers are kept as certified, so
/// the public page shows what the certificate said even if the registry later changes. Issuing and
/// revoking are audited like every region-scoped change.
/// </summary>
internal sealed class ComplianceCertificate : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EmployerId { get; set; }

    public Employer? Employer { get; set; }

    public required string EmployerName { get; set; }

    public string? Npp { get; set; }

    public string? Nib { get; set; }

    public string? Npwp { get; set; }

    /// <summary>The employer's region: who may see the employer may see and revoke its certificates.</summary>
    public required string RegionCode { get; set; }

    public required string IssuedBy { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime ValidUntil { get; set; }

    /// <summary>The id of the key that signed the token.</summary>
    public required string KeyId { get; set; }

    /// <summary>The compact JWS the QR carries.</summary>
    public required string Token { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevokedReason { get; set; }
}
