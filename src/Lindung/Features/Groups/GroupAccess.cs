using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;

namespace Lindung.Features.Groups;

/// <summary>
/// Who sees and keeps which group: the regional roles (admin, branch, leader) those of their regions;
/// an agency operator its own agency's groups. The admin and the fostering agency's operator create
/// groups and import their members.
/// </summary>
internal static class GroupAccess
{
    public static IQueryable<WorkerGroup> Visible(LindungDbContext db, AccessScope scope) =>
        scope.SeesRegion || scope.IsIn(LindungRoles.Leader) ? db.WorkerGroups.InRegions(scope)
        : scope.OperatesAgency ? db.WorkerGroups.Where(g => g.AgencyId == scope.AgencyId)
        : db.WorkerGroups.Where(_ => false);

    public static bool Keeps(AccessScope scope, WorkerGroup group) =>
        (scope.IsIn(LindungRoles.RegionalAdmin) && scope.Covers(group.RegionCode))
        || (scope.OperatesAgency && group.AgencyId == scope.AgencyId);
}
