using System.Text.Json.Serialization;

namespace Lindung.Domain.Budget;

/// <summary>Who pays a planned group's contributions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BudgetPayer>))]
public enum BudgetPayer
{
    /// <summary>The regional budget (the Pemda's APBD).</summary>
    [JsonStringEnumMemberName("APBD")] Apbd,

    /// <summary>The state budget.</summary>
    [JsonStringEnumMemberName("APBN")] Apbn,

    /// <summary>A sponsor (bapak asuh): a company's CSR, a zakat body, an official.</summary>
    [JsonStringEnumMemberName("SPONSOR")] Sponsor,

    /// <summary>The workers themselves.</summary>
    [JsonStringEnumMemberName("SELF")] Self,

    /// <summary>The village fund (dana desa).</summary>
    [JsonStringEnumMemberName("VILLAGE_FUND")] VillageFund,
}

public static class BudgetPayers
{
    /// <summary>
    /// Paid from the state or a regional budget. PP 50/2025 excludes BPU participants whose JKK and JKM
    /// are paid from APBN/APBD from its discount (DOMAIN.md §3.3); a sponsor or the village fund is neither.
    /// </summary>
    public static bool IsPublicBudget(this BudgetPayer payer) => payer is BudgetPayer.Apbd or BudgetPayer.Apbn;
}
