using System.Text.Json;
using Lindung.Application;
using Lindung.Domain.Budget;
using Lindung.Features.Contributions;
using Lindung.Hosting;

namespace Lindung.Features.Budget;

/// <summary>
/// Prices a budget scenario with the rate book of the installation (built-in rates and the data
/// folder's overlays): the one use case behind the budget page, <c>POST /api/v1/budget/plan</c> and
/// <c>lindung budget plan</c>. A scenario touches no personal data, so it needs no scope.
/// </summary>
internal sealed class PlanBudget(LindungHostOptions host)
{
    /// <summary>A scenario file is a few kilobytes; a megabyte is a mistake or an attack.</summary>
    public const int MaxScenarioBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions ScenarioJson = new() { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public UseCaseResult<BudgetPlan> Handle(BudgetScenarioDocument? document)
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

        var (plan, planProblems) = BudgetPlanner.Plan(scenario, RateBookLoader.Load(host.DataDirectory));
        return plan is null ? Refused(planProblems) : UseCaseResult<BudgetPlan>.Ok(plan);
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
        UseCaseResult<BudgetPlan>.Refused([.. problems.Select(p => new UseCaseError(p.Error, p.Field))]);
}
