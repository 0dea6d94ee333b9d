using System.Text.Json;
using Lindung.Application;
using Lindung.Domain.Budget;
using Lindung.Domain.Contributions;
using Lindung.Features.Villages;
using Lindung.Security;

namespace Lindung.Features.Budget;

/// <summary>
/// Prices a budget scenario with the rate book of the installation (built-in rates and the data
/// folder's overlays): the one use case behind the budget page, <c>POST /api/v1/budget/plan</c> and
/// <c>lindung budget plan</c>. With <c>roster</c> the agencies' staff the caller may see are added at
/// their roster wages (<see cref="RosterBudgetGroups"/>), and with <c>fostered_villages</c> the workers
/// still waiting in the fostered villages (<see cref="RankVillages"/>): counts and wages only, never a name.
/// </summary>
internal sealed class PlanBudget(RateBook rates, RosterBudgetGroups roster, RankVillages villages)
{
    /// <summary>A scenario file is a few kilobytes; a megabyte is a mistake or an attack.</summary>
    public const int MaxScenarioBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions ScenarioJson = new() { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public async Task<UseCaseResult<BudgetPlan>> HandleAsync(BudgetScenarioDocument? document, AccessScope scope, CancellationToken ct)
    {
        if (document is null)
        {
            return BudgetErrors.ScenarioEmpty;
        }

        var (scenario, problems) = BudgetScenarioReader.Read(document);
        if (scenario is null)
        {
            return Refused(problems);
        }

        var withoutWage = 0;
        if (scenario.Roster is { } options)
        {
            var (staff, unpriced) = await roster.LoadAsync(options, scope, ct);
            scenario = scenario with { Groups = [.. scenario.Groups, .. staff] };
            withoutWage = unpriced;
        }

        if (scenario.FosteredVillages is { } fostered)
        {
            // The vulnerable workers still waiting in each fostered village the caller may see: one line per village.
            var ranking = await villages.HandleAsync(scope, ct);
            var waiting = ranking.Villages.Where(v => v.KnownWorkers > v.Enrolled)
                .Select(v => fostered.Group($"Pekerja rentan {v.Name} ({v.Code})", v.KnownWorkers - v.Enrolled, rates, scenario.From));
            scenario = scenario with { Groups = [.. scenario.Groups, .. waiting] };
        }

        var (plan, planProblems) = BudgetPlanner.Plan(scenario, rates);
        if (plan is null)
        {
            return Refused(planProblems);
        }

        return withoutWage == 0 ? UseCaseResult<BudgetPlan>.Ok(plan) : UseCaseResult<BudgetPlan>.Ok(plan with { Notes = [BudgetNotes.WithoutWage(withoutWage)] });
    }

    /// <summary>
    /// Each agency's roster staff priced alone, in name order, for that agency's own budget plan (RKA):
    /// the scenario's months, rates and roster options, without its other groups or villages.
    /// </summary>
    public async Task<UseCaseResult<IReadOnlyList<BudgetPlan>>> PerAgencyAsync(BudgetScenarioDocument? document, AccessScope scope, CancellationToken ct)
    {
        if (document is null)
        {
            return BudgetErrors.ScenarioEmpty;
        }

        var (scenario, problems) = BudgetScenarioReader.Read(document);
        if (scenario is null)
        {
            return UseCaseResult<IReadOnlyList<BudgetPlan>>.Refused([.. Errors(problems)]);
        }

        if (scenario.Roster is not { } options)
        {
            return BudgetErrors.RosterRequired;
        }

        var (staff, _) = await roster.LoadAsync(options, scope, ct);
        if (staff.Count == 0)
        {
            return BudgetErrors.RosterEmpty;
        }

        var plans = new List<BudgetPlan>();
        foreach (var agency in staff.GroupBy(g => g.Line ?? g.Name, StringComparer.Ordinal))
        {
            var (plan, planProblems) = BudgetPlanner.Plan(scenario with { Groups = [.. agency], FosteredVillages = null }, rates);
            if (plan is null)
            {
                return UseCaseResult<IReadOnlyList<BudgetPlan>>.Refused([.. Errors(planProblems)]);
            }

            plans.Add(plan);
        }

        return UseCaseResult<IReadOnlyList<BudgetPlan>>.Ok(plans);
    }

    /// <summary>Reads a scenario written as JSON; a syntax error is refused naming its line and the JSON path.</summary>
    public static async Task<UseCaseResult<BudgetScenarioDocument>> ReadAsync(Stream json, CancellationToken ct)
    {
        try
        {
            var document = await JsonSerializer.DeserializeAsync<BudgetScenarioDocument>(json, ScenarioJson, ct);
            return document is null ? BudgetErrors.ScenarioEmpty : UseCaseResult<BudgetScenarioDocument>.Ok(document);
        }
        catch (JsonException ex)
        {
            return BudgetErrors.NotJson(ex);
        }
    }

    private static UseCaseResult<BudgetPlan> Refused(IReadOnlyList<BudgetProblem> problems) =>
        UseCaseResult<BudgetPlan>.Refused([.. Errors(problems)]);

    private static IEnumerable<UseCaseError> Errors(IReadOnlyList<BudgetProblem> problems) =>
        problems.Select(p => new UseCaseError(p.Error, p.Field));
}
