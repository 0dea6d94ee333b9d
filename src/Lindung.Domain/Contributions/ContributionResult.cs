using System.Text.Json.Serialization;

namespace Lindung.Domain.Contributions;

/// <summary>What a contribution amount covers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContributionPeriod>))]
public enum ContributionPeriod
{
    /// <summary>One iuran month (PU, BPU, Jakon wage method).</summary>
    [JsonStringEnumMemberName("MONTH")] Month,

    /// <summary>The whole construction project, paid once (Jakon contract-value method).</summary>
    [JsonStringEnumMemberName("PROJECT")] Project,

    /// <summary>The whole placement contract, paid at once (PMI).</summary>
    [JsonStringEnumMemberName("CONTRACT")] Contract,
}

/// <summary>
/// The lines of one computation, their totals and the dated values they were computed with.
/// Totals are derived from the billed lines only, so they cannot drift from them.
/// </summary>
public sealed record ContributionResult(
    ContributionPeriod Period,
    IReadOnlyList<ContributionLine> Lines,
    IReadOnlyList<LegalBasisEntry> LegalBasis)
{
    public long EmployerTotal => Sum(Payer.Employer);

    public long WorkerTotal => Sum(Payer.Worker);

    public long Total => Lines.Where(l => !l.Note).Sum(l => l.Amount);

    /// <summary>
    /// Set only for the Jakon wage method: the project runs this many months and
    /// <see cref="ProjectTotal"/> = <see cref="Total"/> (per month) × months.
    /// </summary>
    public int? ProjectMonths { get; init; }

    public long? ProjectTotal => ProjectMonths is { } months ? checked(Total * months) : null;

    private long Sum(Payer payer) => Lines.Where(l => !l.Note && l.Payer == payer).Sum(l => l.Amount);
}
