using Lindung.Application;
using Lindung.Data;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Certificates;

/// <summary>Revokes a certificate in the caller's regions with a reason; the change is audited and the public page shows it at once.</summary>
internal sealed class RevokeCertificate(LindungDbContext db, CertificateOptions options, TimeProvider clock)
{
    public const string ReasonField = "reason";
    public const int ReasonMax = 500;

    public static readonly UseCaseError NotFound = UseCaseError.Of(
        "CERTIFICATE_NOT_FOUND", "Surat keterangan tidak ditemukan di wilayah Anda.", "No such certificate in your regions.");

    public static readonly UseCaseError AlreadyRevoked = UseCaseError.Of(
        "CERTIFICATE_ALREADY_REVOKED", "Surat keterangan ini sudah dicabut.", "This certificate is already revoked.");

    public static readonly UseCaseError ReasonRequired = UseCaseError.Of(
        "REVOKE_REASON_REQUIRED", $"Tuliskan alasan pencabutan (paling banyak {ReasonMax} karakter).",
        $"Give the reason for revoking (at most {ReasonMax} characters).", ReasonField);

    public async Task<UseCaseResult<CertificateDto>> HandleAsync(Guid id, string? reason, AccessScope scope, string baseUrl, CancellationToken ct)
    {
        if (!IssueCertificate.MayIssue(scope))
        {
            return IssueCertificate.NotAllowed;
        }

        var row = await db.ComplianceCertificates.InRegions(scope).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return NotFound;
        }

        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ReasonMax)
        {
            return ReasonRequired;
        }

        if (row.RevokedAt is not null)
        {
            return AlreadyRevoked;
        }

        row.RevokedAt = clock.GetUtcNow().UtcDateTime;
        row.RevokedBy = scope.UserName;
        row.RevokedReason = text;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<CertificateDto>.Ok(CertificateDto.From(row, options.PublicBaseUrl ?? baseUrl));
    }
}
