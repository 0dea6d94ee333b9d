using Lindung.Data;
using Lindung.Domain.Budget;
using Lindung.Domain.Contributions;
using Lindung.Features.Contributions;
using Lindung.Features.Groups;
using Lindung.Features.Reconciliation;
using Lindung.Features.Shared;
using Lindung.Features.Villages;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Actions;

/// <summary>
/// One thing to do: its kind (<c>register</c>, <c>reactivate</c>, <c>correct_wage</c>,
/// <c>complete_programs</c>, <c>sponsor_village</c>, <c>enrol_group</c>), where, how many workers it
/// protects, what it costs a month, and the page that does it.
/// </summary>
internal sealed record RankedAction(string Kind, string Target, int Workers, long MonthlyRupiah, string Href)
{
    /// <summary>Workers protected per million rupiah a month; null for an action that costs nothing a month (it ranks first).</summary>
    public double? PerMillion => MonthlyRupiah <= 0 ? null : Math.Round(Workers * 1_000_000d / MonthlyRupiah, 2);
}

/// <summary>
/// What to do next across the agencies, fostered villages and groups the caller may see, ranked by
/// protection gained per rupiah: each agency's gap list (register, reactivate, correct wages, complete
/// programs, from its latest reconciliation), each fostered village's waiting workers at the BPU minimum
/// package a sponsor would pay, and each group's members not enrolled at its payer's price. Counts and
/// rupiah only; each action links to the page that does it.
/// </summary>
internal sealed class RankActions(LindungDbContext db, LindungHostOptions host, TimeProvider clock, RankVillages villages)
{
    public const int MaxActions = 100;

    public async Task<IReadOnlyList<RankedAction>> HandleAsync(AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var book = RateBookLoader.Load(host.DataDirectory);
        var actions = new List<RankedAction>();

        // Agencies with a reconciliation run: their gap list header, priced as the gap list prices it.
        var pricing = GapPricing.ForAgencies(book, today);
        var visible = db.AgenciesFor(scope).AsNoTracking();
        var runs = await LatestRuns.OfAgenciesAsync(db, visible, ct);
        var agencyIds = runs.Keys.ToList();
        var agencyNames = await visible.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        foreach (var (agencyId, totals) in await AgencyGaps.TotalsAsync(db, scope, runs, agencyNames, pricing, ct))
        {
            actions.AddRange(totals.Where(t => t.Workers > 0)
                .Select(t => new RankedAction(KindOf(t.Kind), agencyNames[agencyId], t.Workers, t.Monthly, $"/reconciliation/gaps/{agencyId}?gap={t.Kind}")));
        }

        // Fostered villages: the waiting workers at the minimum package a sponsor pays (the discount in its window).
        var month = new ContributionMonth(today.Year, today.Month);
        var minimum = book.BpuMinimumIncome(month);
        var package = BudgetPlanner.Plan(
            new BudgetScenario(month, 1, [new BudgetGroup("package", Segment.Bpu, 1, minimum, null, [ContributionProgram.Jkk, ContributionProgram.Jkm], BudgetPayer.Sponsor)]), book).Plan?.Total ?? 0;
        if (VillageAccess.ReadsByRegion(scope) || scope.OperatesAgency)
        {
            var ranking = await villages.HandleAsync(scope, ct);
            actions.AddRange(ranking.Villages.Where(v => v.KnownWorkers > v.Enrolled)
                .Select(v => new RankedAction("sponsor_village", v.Name, v.KnownWorkers - v.Enrolled, (v.KnownWorkers - v.Enrolled) * package, $"/villages/{v.Code}")));
        }

        // Groups: members not enrolled, at the group's payer's price.
        var groups = GroupAccess.Visible(db, scope);
        var figures = await GroupCosts.ForAsync(db, groups, book, today, ct);
        var names = await groups.AsNoTracking().Select(g => new { g.Id, g.Name }).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        actions.AddRange(figures.Where(f => f.Value.Waiting > 0)
            .Select(f => new RankedAction("enrol_group", names[f.Key], f.Value.Waiting, f.Value.MonthlyCostToEnrol, $"/groups/{f.Key}")));

        return [.. actions.OrderByDescending(a => a.PerMillion ?? double.MaxValue).ThenByDescending(a => a.Workers).ThenBy(a => a.Target, StringComparer.Ordinal).Take(MaxActions)];
    }

    private static string KindOf(GapKind kind) => kind switch
    {
        GapKind.Register => "register",
        GapKind.Reactivate => "reactivate",
        GapKind.CorrectWage => "correct_wage",
        _ => "complete_programs",
    };
}
