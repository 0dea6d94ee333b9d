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
        var legalBasis = new LegalBasisSet();
        var perWorker = new Dictionary<PerWorkerKey, ContributionResult>();
        var groups = new List<BudgetGroupPlan>();
        for (var i = 0; i < scenario.Groups.Count; i++)
        {
            var at = $"groups[{i.ToString(CultureInfo.InvariantCulture)}]";
            try
            {
                groups.Add(PlanGroup(scenario, scenario.Groups[i], rates, perWorker, legalBasis));
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

        groups = MergeLines(scenario, groups);

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
            legalBasis.Sorted());
        return (plan, problems);
    }

    private static BudgetGroupPlan PlanGroup(
        BudgetScenario scenario, BudgetGroup group, RateBook rates, Dictionary<PerWorkerKey, ContributionResult> perWorker, LegalBasisSet legalBasis)
    {
        var amount = checked(group.Amount + Rupiah.Percent(group.Amount, scenario.WageIncreasePercent));
        var programs = group.Programs.Aggregate(0, (bits, p) => bits | (1 << (int)p));
        var months = new List<BudgetMonth>(scenario.Months);
        var perWorkerFirstMonth = 0L;
        for (var m = 0; m < scenario.Months; m++)
        {
            var month = scenario.From.AddMonths(m);

            // A region's roster repeats a few hundred wages across a million workers: each distinct
            // worker-month is computed once.
            var key = new PerWorkerKey(month, group.Segment, amount, group.RiskGroup ?? 0, programs, group.Occupation, group.Payer.IsPublicBudget());
            if (!perWorker.TryGetValue(key, out var one))
            {
                one = group.Segment == Segment.Pu
                    ? PuCalculator.Calculate(new PuRequest(month, amount, group.RiskGroup!.Value, group.Programs), rates)
                    : BpuCalculator.Calculate(new BpuRequest(month, amount, group.Programs.Contains(ContributionProgram.Jht), group.Occupation, group.Payer.IsPublicBudget()), rates);
                perWorker[key] = one;
                legalBasis.AddRange(one.LegalBasis);
            }

            if (m == 0)
            {
                perWorkerFirstMonth = one.Total;
            }

            months.Add(new BudgetMonth(month, checked(one.Total * group.Count), checked(one.EmployerTotal * group.Count), checked(one.WorkerTotal * group.Count)));
        }

        var employer = months.Sum(x => x.EmployerAmount);
        var total = months.Sum(x => x.Amount);
        return new BudgetGroupPlan(
            group.Line ?? group.Name,
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

    /// <summary>
    /// Groups that share a <see cref="BudgetGroup.Line"/> become one line, in the order of their first
    /// group: counts and amounts add up; the first month per worker becomes the line's average, rounded half-up.
    /// </summary>
    private static List<BudgetGroupPlan> MergeLines(BudgetScenario scenario, List<BudgetGroupPlan> groups)
    {
        if (scenario.Groups.All(g => g.Line is null))
        {
            return groups;
        }

        var lines = new List<BudgetGroupPlan>();
        var byLine = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (scenario.Groups[i].Line is not { } line)
            {
                lines.Add(group);
                continue;
            }

            if (!byLine.TryGetValue(line, out var at))
            {
                byLine[line] = lines.Count;
                lines.Add(group);
                continue;
            }

            var sum = lines[at];
            var count = checked(sum.Count + group.Count);
            var firstMonth = checked(sum.ByMonth[0].Amount + group.ByMonth[0].Amount);
            lines[at] = sum with
            {
                Count = count,
                PerWorkerFirstMonth = (long)Math.Round((decimal)firstMonth / count, MidpointRounding.AwayFromZero),
                Total = checked(sum.Total + group.Total),
                EmployerTotal = checked(sum.EmployerTotal + group.EmployerTotal),
                WorkerTotal = checked(sum.WorkerTotal + group.WorkerTotal),
                PayerTotal = checked(sum.PayerTotal + group.PayerTotal),
                ByMonth = [.. sum.ByMonth.Zip(group.ByMonth, (a, b) => new BudgetMonth(
                    a.Month, checked(a.Amount + b.Amount), checked(a.EmployerAmount + b.EmployerAmount), checked(a.WorkerAmount + b.WorkerAmount)))],
            };
        }

        return lines;
    }

    private static BudgetProblem ProblemOf(ContributionException ex, string at) => ex.Code switch
    {
        "income_below_minimum" => BudgetProblem.Of(at + ".income", "INCOME_BELOW_MINIMUM", ex.Indonesian, ex.English),
        "rate_missing" => BudgetProblem.Of(at, "RATE_MISSING", ex.Indonesian, ex.English),
        _ => BudgetProblem.Of(at, ex.Code.ToUpperInvariant(), ex.Indonesian, ex.English),
    };
}

/// <summary>Everything one worker's month depends on; equal keys cost the same.</summary>
internal readonly record struct PerWorkerKey(ContributionMonth Month, Segment Segment, long Amount, int RiskGroup, int Programs, BpuSector Occupation, bool PaidByBudget);

/// <summary>The rate rows a plan used, each once, sorted by parameter and start for the reader.</summary>
internal sealed class LegalBasisSet
{
    private readonly Dictionary<(string Parameter, ContributionMonth From), LegalBasisEntry> _entries = [];

    public void AddRange(IEnumerable<LegalBasisEntry> entries)
    {
        foreach (var entry in entries)
        {
            _entries.TryAdd((entry.Parameter, entry.ValidFrom), entry);
        }
    }

    public IReadOnlyList<LegalBasisEntry> Sorted() =>
        [.. _entries.Values.OrderBy(e => e.Parameter, StringComparer.Ordinal).ThenBy(e => e.ValidFrom)];
}
