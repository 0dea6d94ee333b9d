using Lindung.Application;
using Lindung.Domain.Budget;
using Lindung.Domain.Contributions;
using Lindung.Features.Shared;

namespace Lindung.Features.Sponsors;

/// <summary>How many workers a budget funds for the months asked, and what one worker costs over them.</summary>
internal sealed record SponsorBudgetPlan(long Budget, int Months, int Workers, long PerWorker, long Total);

/// <summary>
/// Turns a sponsor's budget into workers × months: one worker's contributions over the months are priced
/// like a pledge (BPU rules in force each month, the sponsor's PP 50/2025 discount), and the budget buys
/// as many whole workers as it covers; the rest is left over, never rounded up.
/// </summary>
internal sealed class PlanSponsorBudget(RateBook rates, TimeProvider clock)
{
    public UseCaseResult<SponsorBudgetPlan> Handle(long? budget, PledgeInput terms)
    {
        var today = clock.Today();
        var refusals = new List<UseCaseError>();
        if (budget is not (> 0 and <= 1_000_000_000_000))
        {
            refusals.Add(UseCaseError.Of("SPONSOR_BUDGET_INVALID", "Anggaran harus jumlah rupiah lebih dari 0.", "The budget must be a rupiah amount above 0.", "budget"));
        }

        if (!ContributionMonth.TryParse(terms.From?.Trim(), out var from) || from < new ContributionMonth(today.Year, today.Month))
        {
            refusals.Add(SponsorErrors.MonthInvalid);
        }

        if (terms.Months is not (> 0 and <= BudgetScenario.MaxMonths))
        {
            refusals.Add(SponsorErrors.MonthsInvalid);
        }

        var programs = PledgeSponsorship.ParsePrograms(terms.Programs);
        if (programs is null)
        {
            refusals.Add(SponsorErrors.ProgramsInvalid);
        }

        if (refusals.Count > 0)
        {
            return UseCaseResult<SponsorBudgetPlan>.Refused([.. refusals]);
        }

        var income = terms.Income ?? rates.BpuMinimumIncome(from);
        var sector = string.Equals(terms.Occupation?.Trim(), "transport", StringComparison.OrdinalIgnoreCase) ? BpuSector.Transport : BpuSector.Other;
        var (plan, problems) = BudgetPlanner.Plan(
            new BudgetScenario(from, terms.Months!.Value, [new BudgetGroup("worker", Segment.Bpu, 1, income, null, programs!, BudgetPayer.Sponsor, sector)]), rates);
        if (plan is null || plan.Total <= 0)
        {
            return UseCaseResult<SponsorBudgetPlan>.Refused([.. problems.Select(p => new UseCaseError(p.Error, "income"))]);
        }

        var workers = (int)Math.Min(budget!.Value / plan.Total, int.MaxValue);
        return UseCaseResult<SponsorBudgetPlan>.Ok(new SponsorBudgetPlan(budget.Value, terms.Months.Value, workers, plan.Total, workers * plan.Total));
    }
}
