using System.Globalization;
using System.Text.Json;
using Lindung.Application;

namespace Lindung.Features.Budget;

/// <summary>The refusals of the budget planner that concern the scenario file itself, not its values.</summary>
internal static class BudgetErrors
{
    public static readonly UseCaseError ScenarioEmpty = UseCaseError.Of("SCENARIO_EMPTY",
        "Skenario kosong: tuliskan from, months dan groups", "The scenario is empty: give from, months and groups", "scenario");

    public static readonly UseCaseError RosterRequired = UseCaseError.Of("ROSTER_REQUIRED",
        "Rencana per OPD membutuhkan pegawai dari daftar OPD: sertakan roster", "A plan per agency needs the agencies' staff: include the roster", "roster");

    public static readonly UseCaseError RosterEmpty = UseCaseError.Of("ROSTER_EMPTY",
        "Tidak ada pegawai OPD dengan upah di daftar yang dapat Anda lihat", "No agency staff with a roster wage that you may see", "roster");

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
