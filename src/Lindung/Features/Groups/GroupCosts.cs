using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Budget;
using Lindung.Domain.Contributions;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Groups;

/// <summary>Members of each group, how many are enrolled today, and what enrolling the rest costs a month.</summary>
internal sealed record GroupFigures(int Members, int Enrolled, long MonthlyCostToEnrol)
{
    public int Waiting => Members - Enrolled;
}

/// <summary>
/// Counts members and enrolled members per group and prices the members not enrolled at BPU rates
/// (JKK and JKM at their declared income, or the minimum) for the month given, with the group's payer:
/// the PP 50/2025 discount in its window, never when APBN/APBD pays. Counts come from the database
/// grouped by income, so a group of thousands is priced with a handful of rows.
/// </summary>
internal static class GroupCosts
{
    private static readonly ContributionProgram[] Programs = [ContributionProgram.Jkk, ContributionProgram.Jkm];

    public static async Task<Dictionary<Guid, GroupFigures>> ForAsync(
        LindungDbContext db, IQueryable<WorkerGroup> groups, RateBook book, DateOnly today, CancellationToken ct)
    {
        var ids = groups.Select(g => g.Id);
        var members = db.GroupMembers.Where(m => ids.Contains(m.GroupId));
        var covered = db.Memberships.CoveredOn(today);
        var counts = await members
            .GroupBy(m => m.GroupId)
            .Select(g => new { g.Key, Members = g.Count(), Enrolled = g.Count(m => covered.Any(x => x.WorkerId == m.WorkerId)) })
            .ToDictionaryAsync(x => x.Key, ct);
        var waiting = await members
            .Where(m => !covered.Any(x => x.WorkerId == m.WorkerId))
            .GroupBy(m => new { m.GroupId, m.Group!.Payer, m.MonthlyIncome, m.Transport })
            .Select(g => new { g.Key.GroupId, g.Key.Payer, g.Key.MonthlyIncome, g.Key.Transport, Count = g.Count() })
            .ToListAsync(ct);

        var month = new ContributionMonth(today.Year, today.Month);
        var minimum = book.BpuMinimumIncome(month);
        var result = new Dictionary<Guid, GroupFigures>();
        foreach (var (id, c) in counts)
        {
            var lines = waiting.Where(w => w.GroupId == id)
                .Select(w => new BudgetGroup(id.ToString("N"), Segment.Bpu, w.Count, w.MonthlyIncome ?? minimum, null, Programs, w.Payer, w.Transport ? BpuSector.Transport : BpuSector.Other))
                .ToList();
            var cost = lines.Count == 0 ? 0 : BudgetPlanner.Plan(new BudgetScenario(month, 1, lines), book).Plan?.Total ?? 0;
            result[id] = new GroupFigures(c.Members, c.Enrolled, cost);
        }

        return result;
    }
}
