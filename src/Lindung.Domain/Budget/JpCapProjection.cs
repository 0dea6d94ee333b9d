using Lindung.Domain.Contributions;

namespace Lindung.Domain.Budget;

/// <summary>
/// A budget for next year needs JP wage caps that are not announced yet. PP 45/2015 Pasal 29(3)–(4)
/// gives the rule: each March the cap becomes the previous cap × (1 + last year's GDP growth), rounded
/// down to Rp100 (DOMAIN.md §2.2). This extends a rate book past its last announced cap with caps
/// projected by that rule from an assumed growth, each marked UNCONFIRMED so the plan's legal basis
/// shows which months rest on an assumption. An announced cap loaded later replaces the projection.
/// </summary>
public static class JpCapProjection
{
    public const string SourceName = "projection";

    public static RateBook Extend(RateBook book, ContributionMonth until, decimal growthPercent)
    {
        ArgumentNullException.ThrowIfNull(book);
        var parameter = RateParameters.PuJpWageCap;
        var last = book.Sources
            .SelectMany(source => source.Entries)
            .Where(entry => entry.Id == parameter.Id && entry.Value is not null)
            .OrderByDescending(entry => entry.ValidFrom)
            .FirstOrDefault();
        if (last?.ValidTo is not { } lastTo || lastTo >= until)
        {
            return book;
        }

        var projected = new List<RateEntry>();
        var cap = last.Value!.Value;
        var from = lastTo.AddMonths(1);
        while (from <= until)
        {
            cap = Math.Floor(cap * (100m + growthPercent) / 100m / 100m) * 100m;
            var to = from.AddMonths(11);
            projected.Add(new RateEntry(parameter.Id, from, to, cap, null, null, null,
                $"PP 45/2015 Pasal 29(3)-(4): projected from the previous cap with {growthPercent}% growth, rounded down to Rp100",
                SourceStatus.Unconfirmed,
                "A planning assumption until BPJS Ketenagakerjaan announces the cap; load the announced cap as a rate file to replace it.",
                SourceName));
            from = to.AddMonths(1);
        }

        return new RateBook([.. book.Sources, new RateSource(SourceName, projected)]);
    }
}
