using Lindung.Application;
using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Groups;

/// <summary>One member as the group page lists it, NIK masked.</summary>
internal sealed record GroupMemberRow(Guid WorkerId, string MaskedNik, string Name, string? Occupation, long? MonthlyIncome, bool Transport, bool Enrolled);

internal sealed record GroupView(
    Guid Id, string Name, string KindCode, string KindName, Guid AgencyId, string AgencyName, string? VillageCode, string? VillageName,
    string Payer, GroupFigures Figures, IReadOnlyList<GroupMemberRow> Members, bool MayEdit);

/// <summary>
/// A group's page: who fosters it, its members with their enrolment today (the enrolled first
/// waiting last, by name), and what enrolling the rest costs a month at BPU rates with its payer.
/// </summary>
internal sealed class LoadGroup(LindungDbContext db, RateBook rates, TimeProvider clock)
{
    public const int MaxRows = 1_000;

    public async Task<UseCaseResult<GroupView>> HandleAsync(Guid id, AccessScope scope, bool english, CancellationToken ct)
    {
        var visible = GroupAccess.Visible(db, scope).Where(g => g.Id == id);
        var group = await visible.AsNoTracking().Include(g => g.Agency).FirstOrDefaultAsync(ct);
        if (group is null)
        {
            return GroupErrors.NotFound;
        }

        var today = clock.Today();
        var kind = await db.GroupKinds.AsNoTracking().FirstAsync(k => k.Code == group.KindCode, ct);
        var figures = (await GroupCosts.ForAsync(db, visible, rates, today, ct)).GetValueOrDefault(id) ?? new GroupFigures(0, 0, 0);
        var covered = db.Memberships.CoveredOn(today);
        var rows = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id)
            .Select(m => new { m.WorkerId, m.Worker!.Nik, m.Worker.Name, m.Occupation, m.MonthlyIncome, m.Transport, Enrolled = covered.Any(x => x.WorkerId == m.WorkerId) })
            .OrderBy(m => m.Enrolled).ThenBy(m => m.Name)
            .Take(MaxRows)
            .ToListAsync(ct);
        return UseCaseResult<GroupView>.Ok(new GroupView(
            group.Id,
            group.Name,
            group.KindCode,
            english ? kind.NameEn : kind.NameId,
            group.AgencyId,
            group.Agency!.Name,
            group.VillageCode,
            group.VillageCode is { } v ? AreaDirectory.Embedded.Find(v)?.Name : null,
            Budget.BudgetCodes.Of(group.Payer),
            figures,
            [.. rows.Select(r => new GroupMemberRow(r.WorkerId, Lindung.Domain.Identifiers.Nik.Mask(r.Nik), r.Name, r.Occupation, r.MonthlyIncome, r.Transport, r.Enrolled))],
            GroupAccess.Keeps(scope, group)));
    }
}

/// <summary>One group in the list.</summary>
internal sealed record GroupSummary(Guid Id, string Name, string KindCode, string AgencyName, string? VillageName, string Payer, GroupFigures Figures);

/// <summary>The groups the caller may see with their members, enrolled and the monthly cost to enrol the rest.</summary>
internal sealed class ListGroups(LindungDbContext db, RateBook rates, TimeProvider clock)
{
    public async Task<IReadOnlyList<GroupSummary>> HandleAsync(AccessScope scope, CancellationToken ct)
    {
        var visible = GroupAccess.Visible(db, scope);
        var groups = await visible.AsNoTracking().OrderBy(g => g.Agency!.Name).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.KindCode, AgencyName = g.Agency!.Name, g.VillageCode, g.Payer })
            .ToListAsync(ct);
        var figures = await GroupCosts.ForAsync(db, visible, rates, clock.Today(), ct);
        return [.. groups.Select(g => new GroupSummary(
            g.Id, g.Name, g.KindCode, g.AgencyName, g.VillageCode is { } v ? AreaDirectory.Embedded.Find(v)?.Name : null,
            Budget.BudgetCodes.Of(g.Payer), figures.GetValueOrDefault(g.Id) ?? new GroupFigures(0, 0, 0)))];
    }
}
