using System.Globalization;
using Lindung.Domain.Contributions;

namespace Lindung.Domain.Budget;

/// <summary>
/// Prices a <see cref="BudgetScenario"/> month by month with the contribution engine and the rates in
/// force in each month: a JP cap that changes each March, a PP 50/2025 discount window that opens or
/// closes inside the year (never for APBN/APBD payers), a minimum income that moves. Months past the
/// last announced JP cap use <see cref="JpCapProjection"/> with the scenario's growth assumption, or
/// the rate book's planning assumption.
/// </summary>
public static class BudgetPlanner
{
    public static (BudgetPlan? Plan, IReadOnlyList<BudgetProblem> Problems) Plan(BudgetScenario scenario, RateBook book)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(book);
        var growth = scenario.JpCapGrowthPercent ?? book.Find(RateParameters.PuJpPlanningGrowth, scenario.From)?.Value;
        var rates = growth is { } g ? JpCapProjection.Extend(book, scenario.Until, g) : book;

        var problems = new List<BudgetProblem>();
        var legalBasis = new List<LegalBasisEntry>();
        var groups = new List<BudgetGroupPlan>();
        for (var i = 0; i < scenario.Groups.Count; i++)
        {
            var at = $"groups[{i.ToString(CultureInfo.InvariantCulture)}]";
            try
            {
                groups.Add(PlanGroup(scenario, scenario.Groups[i], rates, legalBasis));
            }
            catch (ContributionException ex)
            {
                problems.Add(ProblemOf(ex, at));
            }
            catch (OverflowException)
            {
                problems.Add(BudgetProblem.Of(at, "TOO_LARGE",
                    "Biaya kelompok ini terlalu besar untuk dihitung", "This group's cost is too large to compute"));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var byMonth = Enumerable.Range(0, scenario.Months)
            .Select(m => new BudgetMonth(
                scenario.From.AddMonths(m),
                groups.Sum(g => g.ByMonth[m].Amount),
                groups.Sum(g => g.ByMonth[m].EmployerAmount),
                groups.Sum(g => g.ByMonth[m].WorkerAmount)))
            .ToList();
        var byPayer = groups
            .GroupBy(g => g.Payer)
            .OrderBy(g => g.Key)
            .Select(g => new BudgetPayerTotal(g.Key, g.Sum(x => x.PayerTotal)))
            .ToList();
        var plan = new BudgetPlan(
            scenario.From,
            scenario.Months,
            groups.Sum(g => g.Total),
            groups.Sum(g => g.EmployerTotal),
            groups.Sum(g => g.WorkerTotal),
            byPayer,
            groups,
            byMonth,
            [.. legalBasis.OrderBy(e => e.Parameter, StringComparer.Ordinal).ThenBy(e => e.ValidFrom)]);
        return (plan, problems);
    }

    private static BudgetGroupPlan PlanGroup(BudgetScenario scenario, BudgetGroup group, RateBook rates, List<LegalBasisEntry> legalBasis)
    {
        var amount = checked(group.Amount + Rupiah.Percent(group.Amount, scenario.WageIncreasePercent));
        var months = new List<BudgetMonth>(scenario.Months);
        var perWorkerFirstMonth = 0L;
        for (var m = 0; m < scenario.Months; m++)
        {
            var month = scenario.From.AddMonths(m);
            var one = group.Segment == Segment.Pu
                ? PuCalculator.Calculate(new PuRequest(month, amount, group.RiskGroup!.Value, group.Programs), rates)
                : BpuCalculator.Calculate(new BpuRequest(month, amount, group.Programs.Contains(ContributionProgram.Jht), group.Occupation, group.Payer.IsPublicBudget()), rates);
            if (m == 0)
            {
                perWorkerFirstMonth = one.Total;
            }

            months.Add(new BudgetMonth(month, checked(one.Total * group.Count), checked(one.EmployerTotal * group.Count), checked(one.WorkerTotal * group.Count)));
            foreach (var used in one.LegalBasis)
            {
                if (!legalBasis.Exists(e => e.Parameter == used.Parameter && e.ValidFrom == used.ValidFrom))
                {
                    legalBasis.Add(used);
                }
            }
        }

        var employer = months.Sum(x => x.EmployerAmount);
        var total = months.Sum(x => x.Amount);
        return new BudgetGroupPlan(
            group.Name,
            group.Segment,
            group.Payer,
            group.Count,
            perWorkerFirstMonth,
            total,
            employer,
            months.Sum(x => x.WorkerAmount),
            group.Segment == Segment.Pu ? employer : total,
            months);
    }

    private static BudgetProblem ProblemOf(ContributionException ex, string at) => ex.Code switch
    {
        "income_below_minimum" => BudgetProblem.Of(at + ".income", "INCOME_BELOW_MINIMUM", ex.Indonesian, ex.English),
        "rate_missing" => BudgetProblem.Of(at, "RATE_MISSING", ex.Indonesian, ex.English),
        _ => BudgetProblem.Of(at, ex.Code.ToUpperInvariant(), ex.Indonesian, ex.English),
    };
}
