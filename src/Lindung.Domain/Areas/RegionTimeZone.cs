namespace Lindung.Domain.Areas;

/// <summary>
/// One of Indonesia's three legal time zones (Keppres 41/1987): WIB (UTC+7), WITA (UTC+8) and WIT
/// (UTC+9). None observes daylight saving, so a fixed offset is exact for any date.
/// </summary>
public sealed record RegionTimeZone(string Abbreviation, TimeSpan Offset)
{
    public static RegionTimeZone Wib { get; } = new("WIB", TimeSpan.FromHours(7));

    public static RegionTimeZone Wita { get; } = new("WITA", TimeSpan.FromHours(8));

    public static RegionTimeZone Wit { get; } = new("WIT", TimeSpan.FromHours(9));

    // By province code; a province lies wholly in one zone.
    private static readonly Dictionary<string, RegionTimeZone> ByProvince = new[]
    {
        (Wib, "11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 61 62"),
        (Wita, "51 52 53 63 64 65 71 72 73 74 75 76"),
        (Wit, "81 82 91 92 93 94 95 96"),
    }
    .SelectMany(z => z.Item2.Split(' ').Select(province => (province, zone: z.Item1)))
    .ToDictionary(p => p.province, p => p.zone, StringComparer.Ordinal);

    /// <summary>The zone of a region code at any level (<c>35</c>, <c>35.77</c>, <c>3577011001</c>); null when its province is unknown.</summary>
    public static RegionTimeZone? For(string? regionCode) =>
        regionCode is { Length: >= 2 } && ByProvince.TryGetValue(regionCode[..2], out var zone) ? zone : null;

    /// <summary>
    /// The one zone that all of <paramref name="regionCodes"/> share; WIB, the zone of the capital,
    /// when they span several zones or none is known.
    /// </summary>
    public static RegionTimeZone Shared(IEnumerable<string> regionCodes)
    {
        var zones = regionCodes.Select(For).Distinct().Take(2).ToList();
        return zones is [{ } only] ? only : Wib;
    }

    /// <summary>A UTC moment as the wall-clock time in this zone.</summary>
    public DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset), DateTimeKind.Unspecified);
}
