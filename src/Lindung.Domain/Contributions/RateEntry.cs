using System.Text.Json.Serialization;

namespace Lindung.Domain.Contributions;

/// <summary>How well a value is sourced, using the tags of DOMAIN.md Part B.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceStatus>))]
public enum SourceStatus
{
    /// <summary>Two or more independent sources, or the regulation text.</summary>
    [JsonStringEnumMemberName("CONFIRMED")] Confirmed,

    /// <summary>One source only.</summary>
    [JsonStringEnumMemberName("SINGLE")] SingleSource,

    /// <summary>Not verified; kept configurable.</summary>
    [JsonStringEnumMemberName("UNCONFIRMED")] Unconfirmed,
}

/// <summary>A marginal layer: <see cref="Rate"/> applies to the part of the base up to <see cref="UpTo"/> (null = no upper bound).</summary>
public sealed record RateTier(long? UpTo, decimal Rate);

/// <summary>A fixed-price package covering <see cref="Months"/> months.</summary>
public sealed record RatePackage(int Months, long Amount);

/// <summary>
/// One effective-dated row of the rate book. Exactly one of <see cref="Value"/>,
/// <see cref="Values"/>, <see cref="Tiers"/> or <see cref="Packages"/> is set, as the parameter's
/// <see cref="RateShape"/> demands. <see cref="ValidTo"/> null means "until superseded".
/// </summary>
public sealed record RateEntry(
    string Id,
    ContributionMonth ValidFrom,
    ContributionMonth? ValidTo,
    decimal? Value,
    IReadOnlyList<long>? Values,
    IReadOnlyList<RateTier>? Tiers,
    IReadOnlyList<RatePackage>? Packages,
    string LegalBasis,
    SourceStatus Status,
    string? Note,
    string Source)
{
    public bool InForce(ContributionMonth month) => ValidFrom <= month && (ValidTo is not { } to || month <= to);

    public bool Overlaps(RateEntry other) =>
        (ValidTo is not { } to || other.ValidFrom <= to) && (other.ValidTo is not { } otherTo || ValidFrom <= otherTo);

    public string RangeText => $"{ValidFrom}..{(ValidTo is { } to ? to.ToString() : "open")}";
}

/// <summary>The entry a computation used, echoed as its legal basis.</summary>
public sealed record LegalBasisEntry(
    string Parameter,
    string Name,
    RateUnit Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<long>? Values,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RateTier>? Tiers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RatePackage>? Packages,
    ContributionMonth ValidFrom,
    ContributionMonth? ValidTo,
    string LegalBasis,
    SourceStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    string Source)
{
    public static LegalBasisEntry From(RateParameter parameter, RateEntry entry)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(entry);
        return new(parameter.Id, parameter.English, parameter.Unit, entry.Value, entry.Values, entry.Tiers,
            entry.Packages, entry.ValidFrom, entry.ValidTo, entry.LegalBasis, entry.Status, entry.Note, entry.Source);
    }
}
