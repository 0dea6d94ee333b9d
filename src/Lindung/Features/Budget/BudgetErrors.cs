using System.Globalization;
using System.Text.Json;
using Lindung.Application;

namespace Lindung.Features.Budget;

/// <summary>The refusals of the budget planner that concern the scenario file itself, not its values.</summary>
internal static class BudgetErrors
{
    public static readonly UseCaseError ScenarioEmpty = UseCaseError.Of("SCENARIO_EMPTY",
        "Skenario kosong: tuliskan from, months dan groups", "The scenario is empty: give from, months and groups", "scenario");

    public static UseCaseError NotJson(JsonException ex)
    {
        var line = ((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        return UseCaseError.Of("SCENARIO_NOT_JSON",
            $"Skenario bukan JSON yang sah atau nilainya salah jenis (baris {line}, {path})",
            $"The scenario is not valid JSON or a value has the wrong type (line {line}, {path})",
            "scenario");
    }
}
