using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Certificates;
using Lindung.Domain.Compliance;
using Lindung.Features.Compliance;
using Lindung.Security;

namespace Lindung.Features.Certificates;

/// <summary>
/// Issues a Surat Keterangan Kepatuhan: finds the employer as the caller may see it, assesses it with
/// <see cref="CheckEmployerCompliance"/>, refuses anything but PATUH by name, stores the certificate
/// in the employer's region (audited) and signs its token with the active key.
/// </summary>
internal sealed class IssueCertificate(
    LindungDbContext db, CheckEmployerCompliance compliance, CertificateKeyStore keys, CertificateOptions options, TimeProvider clock)
{
    public const string IdentifierField = "identifier";

    public static readonly UseCaseError NotAllowed = UseCaseError.Of(
        "CERTIFICATE_NOT_ALLOWED", "Peran Anda tidak dapat menerbitkan surat keterangan kepatuhan.",
        "Your role cannot issue compliance certificates.");

    public static readonly UseCaseError EmployerNotFound = UseCaseError.Of(
        "EMPLOYER_NOT_FOUND", "Pemberi kerja tidak ditemukan di wilayah Anda.", "No employer with this identifier in your regions.", IdentifierField);

    public static readonly UseCaseError NotCompliant = UseCaseError.Of(
        "EMPLOYER_NOT_COMPLIANT", "Surat keterangan hanya diterbitkan untuk pemberi kerja berstatus PATUH.",
        "A certificate is issued only for an employer whose status is PATUH.", IdentifierField);

    /// <summary>The roles that may issue and revoke (the licensing officer and the regional roles), always within their regions.</summary>
    public static bool MayIssue(AccessScope scope) =>
        scope.IsIn(LindungRoles.LicensingOfficer) || scope.IsIn(LindungRoles.RegionalAdmin) || scope.IsIn(LindungRoles.BranchOfficer);

    public async Task<UseCaseResult<CertificateDto>> HandleAsync(string? identifier, AccessScope scope, string baseUrl, CancellationToken ct)
    {
        if (!MayIssue(scope))
        {
            return NotAllowed;
        }

        var assessed = await compliance.HandleAsync(identifier, scope, ct);
        if (!assessed.Succeeded)
        {
            return UseCaseResult<CertificateDto>.Refused([.. assessed.Errors]);
        }

        if (assessed.Value.Employer is not { } employer)
        {
            return EmployerNotFound;
        }

        if (assessed.Value.Status != ComplianceStatus.Patuh)
        {
            return NotCompliant;
        }

        var now = clock.GetUtcNow();
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var validUntil = issuedAt.AddDays(options.ValidDays);
        var (keyId, key) = keys.Active;
        var row = new ComplianceCertificate
        {
            EmployerId = employer.Id,
            EmployerName = employer.Name,
            Npp = employer.Npp,
            Nib = employer.Nib,
            Npwp = employer.Npwp,
            RegionCode = employer.RegionCode,
            IssuedBy = scope.UserName,
            IssuedAt = issuedAt.UtcDateTime,
            ValidUntil = validUntil.UtcDateTime,
            KeyId = keyId,
            Token = string.Empty,
        };
        row.Token = ComplianceToken.Sign(
            new CertificateClaims(options.Issuer, employer.Id.ToString(), row.Id.ToString(), issuedAt.ToUnixTimeSeconds(), validUntil.ToUnixTimeSeconds(),
                employer.Name, employer.Npp, employer.Nib, employer.Npwp),
            keyId,
            key);
        db.ComplianceCertificates.Add(row);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<CertificateDto>.Ok(CertificateDto.From(row, options.PublicBaseUrl ?? baseUrl));
    }
}
