using System.Text.Json.Serialization;

namespace Lindung.Domain.Contributions;

/// <summary>The JSON shape of a rate file (built-in rates.json or an admin overlay). See docs/CONTRIBUTIONS.md.</summary>
internal sealed record RateFileModel(int Format, string? Version, string? Description, IReadOnlyList<RateRowModel>? Parameters);

internal sealed record RateRowModel(
    string? Id,
    string? ValidFrom,
    string? ValidTo,
    string? Unit,
    decimal? Value,
    IReadOnlyList<long>? Values,
    IReadOnlyList<RateTierModel>? Tiers,
    IReadOnlyList<RatePackageModel>? Packages,
    string? LegalBasis,
    string? Status,
    string? Note);

internal sealed record RateTierModel(long? UpTo, decimal? Rate);

internal sealed record RatePackageModel(int? Months, long? Amount);

// Source-generated so the domain stays trim/AOT friendly; unknown keys are errors so a misspelt
// "valid_to" in an overlay cannot silently turn a closed range into an open one.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RateFileModel))]
internal sealed partial class RateFileJsonContext : JsonSerializerContext;
