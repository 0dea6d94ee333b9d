using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;

namespace Lindung.Features.Claims;

/// <summary>The branch, the admin and the leader see the claims of their regions; an agency operator those of its own staff.</summary>
internal static class ClaimsAccess
{
    public static IQueryable<BenefitClaim> Visible(LindungDbContext db, AccessScope scope) =>
        scope.SeesRegion || scope.IsIn(LindungRoles.Leader) ? db.Claims.InRegions(scope)
        : scope.OperatesAgency ? db.Claims.Where(c => c.AgencyId == scope.AgencyId)
        : db.Claims.Where(_ => false);

    /// <summary>Recording and updating: the branch, the admin and the agency for its staff (the leader reads).</summary>
    public static bool Records(AccessScope scope) => scope.SeesRegion || scope.OperatesAgency;
}
