using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Users;

/// <summary>
/// Which users an admin may see and manage: a whole-installation admin every user; any other admin
/// only users that lie wholly inside its regions (every region, and the agency's region), never a
/// whole-installation user and never one without region or agency, which lies inside no region.
/// The same rule decides what an admin may create, so it cannot make a user it could not see.
/// </summary>
internal static class UserScope
{
    /// <param name="admin">The admin looking.</param>
    /// <param name="regions">The user's region codes.</param>
    /// <param name="agencyRegion">The region of the user's agency, or null without one.</param>
    /// <param name="wholeInstallation">Whether the user has the whole-installation scope.</param>
    public static bool Contains(AccessScope admin, IReadOnlyCollection<string> regions, string? agencyRegion, bool wholeInstallation)
    {
        if (admin.WholeInstallation)
        {
            return true;
        }

        if (wholeInstallation || (regions.Count == 0 && agencyRegion is null))
        {
            return false;
        }

        return regions.All(admin.Covers) && (agencyRegion is null || admin.Covers(agencyRegion));
    }

    /// <summary>
    /// The users this admin may see. Region lists are filtered in memory: the prefix rule over a
    /// list column translates differently on each provider, and user tables hold hundreds of rows.
    /// </summary>
    public static async Task<List<LindungUser>> UsersForAsync(LindungDbContext db, AccessScope admin, CancellationToken ct)
    {
        if (!admin.IsIn(LindungRoles.RegionalAdmin))
        {
            return [];
        }

        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var agencyIds = users.Where(u => u.AgencyId is not null).Select(u => u.AgencyId!.Value).Distinct().ToList();
        var agencyRegions = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.RegionCode, ct);
        return [.. users.Where(u => Contains(admin, u.RegionCodes, u.AgencyId is { } a ? agencyRegions.GetValueOrDefault(a) : null, u.WholeInstallation))];
    }
}
