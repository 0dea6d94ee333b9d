namespace Lindung.Domain.Contributions;

/// <summary>
/// All rate rows from the built-in file and any overlays, in load order. For a parameter and month
/// the row in force with the latest <c>valid_from</c> wins; on a tie the later source (an overlay
/// loaded after the built-in file) wins. So an overlay can add a new period (next year's JP cap)
/// or correct a shipped row by repeating its <c>valid_from</c>, without editing the built-in file.
/// </summary>
public sealed class RateBook
{
    private readonly Dictionary<string, List<(RateEntry Entry, int SourceOrder)>> _byId;

    public RateBook(IEnumerable<RateSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        Sources = [.. sources];
        _byId = Sources
            .SelectMany((source, order) => source.Entries.Select(entry => (Entry: entry, SourceOrder: order)))
            .GroupBy(x => x.Entry.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyList<RateSource> Sources { get; }

    /// <summary>The winning row for <paramref name="parameter"/> in <paramref name="month"/>, or null when none is in force.</summary>
    public RateEntry? Find(RateParameter parameter, ContributionMonth month)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (!_byId.TryGetValue(parameter.Id, out var rows))
        {
            return null;
        }

        return rows
            .Where(r => r.Entry.InForce(month))
            .OrderByDescending(r => r.Entry.ValidFrom)
            .ThenByDescending(r => r.SourceOrder)
            .Select(r => r.Entry)
            .FirstOrDefault();
    }

    /// <summary>
    /// The lowest income a BPU participant may declare in <paramref name="month"/>, the income a worker is
    /// priced at when none was given; 0 when no rate is in force, so the planner refuses that month by name.
    /// </summary>
    public long BpuMinimumIncome(ContributionMonth month) => (long)(Find(RateParameters.BpuMinimumIncome, month)?.Value ?? 0);

    /// <summary>A view of the book for one month that remembers which rows a computation used.</summary>
    public RatesInForce At(ContributionMonth month) => new(this, month);
}
