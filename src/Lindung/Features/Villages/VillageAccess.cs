using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Villages;

/// <summary>
/// Which villages a caller may open: a regional role (admin, branch, leader, a sponsor looking for
/// workers to adopt) every village of its regions; an agency operator the villages its agency fosters or
/// fostered. Village figures are aggregates of everyone living there, never a list of people.
/// </summary>
internal static class VillageAccess
{
    /// <summary>Roles that read villages by region.</summary>
    public static bool ReadsByRegion(AccessScope scope) =>
        scope.SeesRegion || scope.IsIn(LindungRoles.Leader) || scope.IsIn(LindungRoles.Sponsor);

    public static bool IsVillage(string? code) =>
        code is { Length: 13 } && AreaDirectory.Embedded.Find(code) is { Level: AreaLevel.Village };

    public static string RegencyOf(string villageCode) => villageCode[..5];

    public static async Task<bool> MaySeeAsync(LindungDbContext db, AccessScope scope, string villageCode, CancellationToken ct)
    {
        if (ReadsByRegion(scope))
        {
            return scope.Covers(villageCode);
        }

        return scope.OperatesAgency
            && await db.VillageAssignments.AnyAsync(a => a.VillageCode == villageCode && a.AgencyId == scope.AgencyId, ct);
    }

    /// <summary>The assignments a caller may list: of its regions, or of its own agency.</summary>
    public static IQueryable<Data.Entities.VillageAssignment> AssignmentsFor(LindungDbContext db, AccessScope scope) =>
        ReadsByRegion(scope) ? db.VillageAssignments.InRegions(scope)
        : scope.OperatesAgency ? db.VillageAssignments.Where(a => a.AgencyId == scope.AgencyId)
        : db.VillageAssignments.Where(_ => false);
}
