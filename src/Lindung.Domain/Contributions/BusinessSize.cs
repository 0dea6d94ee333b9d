using System.Text.Json.Serialization;

namespace Lindung.Domain.Contributions;

/// <summary>Employer size class as defined by PP 7/2021 (capital or yearly sales thresholds).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BusinessSize>))]
public enum BusinessSize
{
    [JsonStringEnumMemberName("micro")] Micro,
    [JsonStringEnumMemberName("small")] Small,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("large")] Large,
}

/// <summary>
/// Perpres 109/2013 Pasal 6 staging: which PU programs an employer of a given size must join.
/// This is a rule about program membership, not a rate, so it lives in code; JKK and JKM are
/// mandatory for everyone and the set only grows with size.
/// </summary>
public static class ProgramStaging
{
    public const string LegalBasis = "Perpres 109/2013 Pasal 6";

    public static IReadOnlyList<ContributionProgram> RequiredPrograms(BusinessSize size) => size switch
    {
        BusinessSize.Micro => [ContributionProgram.Jkk, ContributionProgram.Jkm],
        BusinessSize.Small => [ContributionProgram.Jkk, ContributionProgram.Jkm, ContributionProgram.Jht],
        BusinessSize.Medium or BusinessSize.Large =>
            [ContributionProgram.Jkk, ContributionProgram.Jkm, ContributionProgram.Jht, ContributionProgram.Jp],
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown business size."),
    };
}
