using Lindung.Data;
using Lindung.Domain.Budget;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Features.Enforcement;
using Lindung.Features.Groups;
using Lindung.Features.Procurement;
using Lindung.Features.Reconciliation;
using Lindung.Features.Shared;
using Lindung.Features.Villages;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Actions;

/// <summary>
/// One thing to do: its kind (<c>register</c>, <c>reactivate</c>, <c>correct_wage</c>,
/// <c>complete_programs</c>, <c>sponsor_village</c>, <c>enrol_group</c>, <c>chase_employer</c>,
/// <c>protect_contract</c>), where, how many workers it protects, what it costs a month and who pays
/// it (<see cref="ActionPayer"/>), the JKK risk group of the work where known (1 very low to 5 very
/// high), and the page that does it.
/// </summary>
internal sealed record RankedAction(string Kind, string Target, int Workers, long MonthlyRupiah, string Href, string PaidBy = ActionPayer.Public, int? RiskGroup = null)
{
    /// <summary>
    /// Workers protected per million rupiah of public or sponsor money a month; null for an action that
    /// costs that purse nothing (its employer or contractor pays): those rank first.
    /// </summary>
    public double? PerMillion => MonthlyRupiah <= 0 || PaidBy != ActionPayer.Public ? null : Math.Round(Workers * 1_000_000d / MonthlyRupiah, 2);
}

/// <summary>Every kind of action, in the order the pages name them.</summary>
internal static class ActionKinds
{
    public static readonly IReadOnlyList<string> All =
        ["register", "reactivate", "correct_wage", "complete_programs", "sponsor_village", "enrol_group", "chase_employer", "protect_contract"];
}

/// <summary>Who pays an action's monthly rupiah.</summary>
internal static class ActionPayer
{
    /// <summary>The region's budget (APBD), a sponsor, a village fund or the workers themselves: the money the programme has to find.</summary>
    public const string Public = "programme";

    /// <summary>An employer (or contractor) that owes the contributions by law: chasing it costs the programme nothing.</summary>
    public const string Employer = "employer";
}

/// <summary>
/// What to do next across the agencies, fostered villages, groups, employers and contracts the caller
/// may see, ranked by protection gained per rupiah: each agency's gap list (register, reactivate,
/// correct wages, complete programs, from its latest reconciliation), each fostered village's waiting
/// workers at the BPU minimum package a sponsor would pay, each group's members not enrolled at its
/// payer's price, each employer's known workers it has not registered (PDS, with no case running yet)
/// at the contributions it owes, and each contract the payment gate would refuse. Actions whose cost
/// falls on an employer or contractor come first, the highest JKK risk group first (construction and
/// other dangerous work); then the rest by workers per million rupiah. Counts and rupiah only; each
/// action links to the page that does it.
/// </summary>
internal sealed class RankActions(LindungDbContext db, RateBook rates, TimeProvider clock, RankVillages villages, ContractsAtRisk contracts)
{
    public const int MaxActions = 100;

    /// <summary>Employers taken into the ranking, those with the most unregistered workers.</summary>
    public const int MaxEmployers = 200;

    public async Task<IReadOnlyList<RankedAction>> HandleAsync(AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var actions = new List<RankedAction>();

        // Agencies with a reconciliation run: their gap list header, priced as the gap list prices it.
        var pricing = GapPricing.ForAgencies(rates, today);
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
        var minimum = rates.BpuMinimumIncome(month);
        var package = BudgetPlanner.Plan(
            new BudgetScenario(month, 1, [new BudgetGroup("package", Segment.Bpu, 1, minimum, null, [ContributionProgram.Jkk, ContributionProgram.Jkm], BudgetPayer.Sponsor)]), rates).Plan?.Total ?? 0;
        if (VillageAccess.ReadsByRegion(scope) || scope.OperatesAgency)
        {
            var ranking = await villages.HandleAsync(scope, ct);
            actions.AddRange(ranking.Villages.Where(v => v.KnownWorkers > v.Enrolled)
                .Select(v => new RankedAction("sponsor_village", v.Name, v.KnownWorkers - v.Enrolled, (v.KnownWorkers - v.Enrolled) * package, $"/villages/{v.Code}")));
        }

        // Groups: members not enrolled, at the group's payer's price.
        var groups = GroupAccess.Visible(db, scope);
        var figures = await GroupCosts.ForAsync(db, groups, rates, today, ct);
        var names = await groups.AsNoTracking().Select(g => new { g.Id, g.Name }).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        actions.AddRange(figures.Where(f => f.Value.Waiting > 0)
            .Select(f => new RankedAction("enrol_group", names[f.Key], f.Value.Waiting, f.Value.MonthlyCostToEnrol, $"/groups/{f.Key}")));

        actions.AddRange(await EmployerActionsAsync(scope, today, ct));
        if ((await contracts.HandleAsync(scope, null, null, ct)).Value is { } risk)
        {
            actions.AddRange(risk.Agencies.SelectMany(a => a.UnprotectedContracts).Select(c => new RankedAction(
                "protect_contract", c.ContractorName is null ? c.Number : $"{c.Number} · {c.ContractorName}", c.Workers, 0, $"/contracts/{c.Id}",
                ActionPayer.Employer, c.ContractorRiskGroup)));
        }

        return [.. actions
            .OrderByDescending(a => a.PerMillion ?? double.MaxValue)
            .ThenByDescending(a => a.RiskGroup ?? 0)
            .ThenByDescending(a => a.Workers)
            .ThenBy(a => a.Target, StringComparer.Ordinal)
            .Take(MaxActions)];
    }

    /// <summary>
    /// Employers with known workers they have not registered and no enforcement case running: what they
    /// owe a month for those workers (PU at the job's wage, the programs the compliance check requires of
    /// their size — a micro firm's when the size is not on record, so the figure is a floor — and their
    /// risk group, group I when unknown).
    /// </summary>
    private async Task<IEnumerable<RankedAction>> EmployerActionsAsync(AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var employers = EmployerPds.WithoutRunningCase(db, db.EmployersFor(scope));
        var found = await EmployerPds.Of(db, scope, employers, today).AsNoTracking()
            .Where(x => x.Unregistered > 0)
            .OrderByDescending(x => x.Unregistered).ThenBy(x => x.Name)
            .Take(MaxEmployers)
            .ToListAsync(ct);
        if (found.Count == 0)
        {
            return [];
        }

        var ids = found.Select(e => e.Id).ToList();
        var wages = await EmployerPds.UnregisteredWages(db, scope, ids, today).ToListAsync(ct);
        var month = new ContributionMonth(today.Year, today.Month);
        var byId = found.ToDictionary(e => e.Id);
        var owed = wages.GroupBy(w => w.EmployerId).ToDictionary(
            g => g.Key,
            g => g.Sum(w => w.Jobs * PuCalculator.Calculate(new PuRequest(
                month, w.MonthlyWage, byId[g.Key].JkkRiskGroup ?? GapPricing.DefaultRiskGroup, ComplianceRules.RequiredPrograms(byId[g.Key].BusinessSize)), rates).Total));
        return found.Select(e => new RankedAction(
            "chase_employer", e.Name, e.Unregistered, owed.GetValueOrDefault(e.Id), $"/employers/{e.Id}", ActionPayer.Employer, e.JkkRiskGroup));
    }

    private static string KindOf(GapKind kind) => kind switch
    {
        GapKind.Register => "register",
        GapKind.Reactivate => "reactivate",
        GapKind.CorrectWage => "correct_wage",
        _ => "complete_programs",
    };
}
