using System.Text.Json.Serialization;

namespace Lindung.Domain.Budget;

/// <summary>
/// A budget scenario as people write it (the JSON of <c>lindung budget plan --scenario</c> and of the
/// API): names instead of enums, so that an unknown segment or payer is refused by name, field by field,
/// by <see cref="BudgetScenarioReader"/>.
/// </summary>
public sealed class BudgetScenarioDocument
{
    [JsonPropertyName("from")] public string? From { get; init; }

    [JsonPropertyName("months")] public int? Months { get; init; }

    [JsonPropertyName("wage_increase_percent")] public decimal? WageIncreasePercent { get; init; }

    [JsonPropertyName("jp_cap_growth_percent")] public decimal? JpCapGrowthPercent { get; init; }

    [JsonPropertyName("groups")] public IReadOnlyList<BudgetGroupDocument?>? Groups { get; init; }

    /// <summary>Add the agencies' non-ASN staff at their roster wages, as PU with these settings.</summary>
    [JsonPropertyName("roster")] public BudgetRosterDocument? Roster { get; init; }

    /// <summary>Add the vulnerable workers still waiting in the fostered villages, as BPU with these settings.</summary>
    [JsonPropertyName("fostered_villages")] public BudgetVillagesDocument? FosteredVillages { get; init; }
}

/// <summary>How to price the fostered villages' waiting workers: declared income (default the BPU minimum in force), programs (default JKK, JKM), payer (default APBD), occupation.</summary>
public sealed class BudgetVillagesDocument
{
    [JsonPropertyName("income")] public long? Income { get; init; }

    [JsonPropertyName("programs")] public IReadOnlyList<string?>? Programs { get; init; }

    [JsonPropertyName("payer")] public string? Payer { get; init; }

    [JsonPropertyName("occupation")] public string? Occupation { get; init; }
}

/// <summary>How to price the roster staff: programs (default JKK, JKM), JKK risk group (default 1) and payer (default APBD).</summary>
public sealed class BudgetRosterDocument
{
    [JsonPropertyName("programs")] public IReadOnlyList<string?>? Programs { get; init; }

    [JsonPropertyName("risk_group")] public int? RiskGroup { get; init; }

    [JsonPropertyName("payer")] public string? Payer { get; init; }
}

/// <summary>One group of a <see cref="BudgetScenarioDocument"/>.</summary>
public sealed class BudgetGroupDocument
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("segment")] public string? Segment { get; init; }

    [JsonPropertyName("count")] public long? Count { get; init; }

    [JsonPropertyName("wage")] public long? Wage { get; init; }

    [JsonPropertyName("income")] public long? Income { get; init; }

    [JsonPropertyName("risk_group")] public int? RiskGroup { get; init; }

    [JsonPropertyName("programs")] public IReadOnlyList<string?>? Programs { get; init; }

    [JsonPropertyName("payer")] public string? Payer { get; init; }

    [JsonPropertyName("occupation")] public string? Occupation { get; init; }
}
