using System.Text.Json.Serialization;

namespace Lindung.Domain.Contributions;

/// <summary>Whether a parameter's numbers are percentages of a base or rupiah amounts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RateUnit>))]
public enum RateUnit
{
    [JsonStringEnumMemberName("percent")] Percent,
    [JsonStringEnumMemberName("rupiah")] Rupiah,

    /// <summary>A whole number that is neither money nor a rate: a wage multiple, months, working days.</summary>
    [JsonStringEnumMemberName("count")] Count,
}

/// <summary>Which field of a rate row carries the parameter's data.</summary>
public enum RateShape
{
    /// <summary>One number in <c>value</c>.</summary>
    Value,

    /// <summary>A set of allowed amounts in <c>values</c>.</summary>
    Values,

    /// <summary>Marginal layers in <c>tiers</c>.</summary>
    Tiers,

    /// <summary>Fixed-price packages in <c>packages</c>.</summary>
    Packages,
}

/// <summary>
/// A parameter the engine knows, with its names for messages. Rate files may only carry known
/// ids, so a typo in an admin's overlay is rejected at load instead of being silently ignored.
/// </summary>
public sealed record RateParameter(string Id, RateShape Shape, RateUnit Unit, string English, string Indonesian);
