using System.Text.Json;

namespace Lindung.Features.Budget;

/// <summary>The DOMAIN code of an enum value (APBD, VILLAGE_FUND, PU, UNCONFIRMED), as the JSON and the workbook write it.</summary>
internal static class BudgetCodes
{
    public static string Of<T>(T value)
        where T : struct, Enum =>
        JsonSerializer.Serialize(value).Trim('"');
}
