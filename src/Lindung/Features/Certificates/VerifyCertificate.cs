using Lindung.Data;
using Lindung.Domain.Certificates;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Certificates;

/// <summary>
/// Verifies a token for anyone (no sign-in): the signature against the installation's keys, the
/// expiry, and the revocation list. Answers the employer's name and identifiers only when the
/// signature held; a forged or garbled token names its reason and nothing else.
/// </summary>
internal sealed class VerifyCertificate(LindungDbContext db, CertificateKeyStore keys, TimeProvider clock)
{
    public async Task<CertificateVerification> HandleAsync(string? token, CancellationToken ct)
    {
        var check = ComplianceToken.Verify(token, keys.Find, clock.GetUtcNow());
        if (!check.IsAuthentic || !Guid.TryParse(check.Claims!.Id, out var id))
        {
            return Offline(check, revocationChecked: true);
        }

        var row = await db.ComplianceCertificates.AsNoTracking()
            .Where(c => c.Id == id).Select(c => new { c.RevokedAt }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            // Signed by a key of this installation but not in its register (e.g. a restored backup): not vouched for.
            return new CertificateVerification(false, "REVOKED", Employer(check.Claims), check.Claims.ValidUntil, "NOT_REGISTERED", true);
        }

        return row.RevokedAt is not null
            ? new CertificateVerification(false, "REVOKED", Employer(check.Claims), check.Claims.ValidUntil, "REVOKED", true)
            : Offline(check, revocationChecked: true);
    }

    /// <summary>The verdict from the signature and expiry alone (the CLI's <c>--jwks</c> mode).</summary>
    public static CertificateVerification Offline(TokenCheck check, bool revocationChecked) => check.Verdict switch
    {
        TokenVerdict.Valid => new(true, "VALID", Employer(check.Claims!), check.Claims!.ValidUntil, check.ReasonCode, revocationChecked),
        TokenVerdict.Expired => new(false, "EXPIRED", Employer(check.Claims!), check.Claims!.ValidUntil, check.ReasonCode, revocationChecked),
        _ => new(false, "FORGED", null, null, check.ReasonCode, revocationChecked),
    };

    private static CertifiedEmployer Employer(CertificateClaims claims) => new(claims.Name, claims.Npp, claims.Nib, claims.Npwp);
}
