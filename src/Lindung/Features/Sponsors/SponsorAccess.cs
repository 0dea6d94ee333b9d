using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;

namespace Lindung.Features.Sponsors;

/// <summary>
/// Who sees which sponsor: the regional admin and the branch those registered in their regions; a
/// Sponsor account only the sponsor whose account e-mail it signs in with. Only the regional admin
/// registers sponsors and keeps their ledger; a pledge or a handover comes from the admin or from the
/// sponsor itself.
/// </summary>
internal static class SponsorAccess
{
    public static IQueryable<Sponsor> Visible(LindungDbContext db, AccessScope scope)
    {
        if (scope.SeesRegion)
        {
            return db.Sponsors.InRegions(scope);
        }

        var email = Normalise(scope.UserName);
        return scope.IsIn(LindungRoles.Sponsor) && email.Length > 0
            ? db.Sponsors.Where(s => s.AccountEmail == email)
            : db.Sponsors.Where(_ => false);
    }

    public static bool KeepsLedger(AccessScope scope, Sponsor sponsor) =>
        scope.IsIn(LindungRoles.RegionalAdmin) && scope.Covers(sponsor.RegionCode);

    /// <summary>Pledging and handing over: the sponsor itself, or the admin of its region.</summary>
    public static bool Pledges(AccessScope scope, Sponsor sponsor) =>
        KeepsLedger(scope, sponsor)
        || (scope.IsIn(LindungRoles.Sponsor) && sponsor.AccountEmail is { } email && email == Normalise(scope.UserName));

    public static string Normalise(string? email) => email?.Trim().ToLowerInvariant() ?? string.Empty;
}
