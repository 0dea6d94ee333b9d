using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Shared;

/// <summary>What a worker's BPJS Ketenagakerjaan membership looks like today.</summary>
internal enum MembershipState
{
    /// <summary>An ACTIVE membership is in force today.</summary>
    Active,

    /// <summary>Registered once, but no ACTIVE membership today.</summary>
    Inactive,

    /// <summary>No membership on record at all.</summary>
    NotRegistered,
}

internal static class MembershipStates
{
    public static string Key(this MembershipState state) => state switch
    {
        MembershipState.Active => "membership.active",
        MembershipState.Inactive => "membership.inactive",
        _ => "membership.none",
    };

    public static string CssClass(this MembershipState state) => state switch
    {
        MembershipState.Active => "badge ok",
        MembershipState.Inactive => "badge warn",
        _ => "badge danger",
    };

    /// <summary>The state of each worker, from memberships the caller is already allowed to see.</summary>
    public static async Task<Dictionary<Guid, MembershipState>> ForAsync(
        IQueryable<Membership> visible, IReadOnlyCollection<Guid> workerIds, DateOnly today, CancellationToken ct)
    {
        var mine = visible.Where(m => workerIds.Contains(m.WorkerId));
        var active = (await mine.CoveredOn(today).Select(m => m.WorkerId).Distinct().ToListAsync(ct)).ToHashSet();
        var registered = (await mine.Select(m => m.WorkerId).Distinct().ToListAsync(ct)).ToHashSet();
        return workerIds.Distinct().ToDictionary(
            id => id,
            id => active.Contains(id) ? MembershipState.Active : registered.Contains(id) ? MembershipState.Inactive : MembershipState.NotRegistered);
    }
}
