using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;

namespace Lindung.Features.Enforcement;

/// <summary>
/// Who sees which cases: the branch, the regional admin and the leader those of their regions; a state
/// attorney only the cases referred to its Kejaksaan Negeri (by the regencies it serves), and nothing else.
/// </summary>
internal static class EnforcementAccess
{
    public static IQueryable<EnforcementCase> Visible(LindungDbContext db, AccessScope scope)
    {
        if (scope.IsIn(LindungRoles.Prosecutor) && !scope.SeesRegion)
        {
            var referred = db.EnforcementCases.Where(c => c.ProsecutorRegion != null);
            if (scope.RegionLimit is not { } regions)
            {
                return referred;
            }

            return referred.Where(c => regions.Contains(c.ProsecutorRegion!));
        }

        return scope.SeesRegion || scope.IsIn(LindungRoles.Leader)
            ? db.EnforcementCases.InRegions(scope)
            : db.EnforcementCases.Where(_ => false);
    }

    /// <summary>Opening cases and moving them up the ladder: the branch and the regional admin.</summary>
    public static bool Manages(AccessScope scope) => scope.SeesRegion;

    /// <summary>Recording a prosecutor's action: the state attorney the case is referred to, or the branch and the admin for it.</summary>
    public static bool Prosecutes(AccessScope scope) => scope.SeesRegion || scope.IsIn(LindungRoles.Prosecutor);
}
