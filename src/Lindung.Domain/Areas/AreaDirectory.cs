namespace Lindung.Domain.Areas;

/// <summary>
/// Every Kemendagri province, regency/city, district and village, queryable by code, by name and
/// through the hierarchy. The three upper levels (about 7,800 rows) load together on first use;
/// the 83,000 villages load only when a query needs them.
/// </summary>
public sealed class AreaDirectory
{
    private static readonly Lazy<AreaDirectory> EmbeddedDirectory = new(() => new AreaDirectory(EmbeddedAreaData.Open));

    private readonly Lazy<AreaIndex> _upper;
    private readonly Lazy<AreaIndex> _villages;

    /// <param name="open">Opens the uncompressed CSV for "provinces", "regencies", "districts" or "villages".</param>
    public AreaDirectory(Func<string, Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _upper = new Lazy<AreaIndex>(() => AreaIndex.Load(open, AreaLevel.Province, AreaLevel.Regency, AreaLevel.District));
        _villages = new Lazy<AreaIndex>(() => AreaIndex.Load(open, AreaLevel.Village));
    }

    /// <summary>The reference data shipped with Lindung (idn-area-data, ODbL).</summary>
    public static AreaDirectory Embedded => EmbeddedDirectory.Value;

    public IReadOnlyList<Area> Provinces => _upper.Value.ChildrenOf(string.Empty);

    /// <summary>The area with this code (dotted or not), or null.</summary>
    public Area? Find(string? code)
    {
        // A code already dotted (every NIK's district, every import row's area) is looked up as it
        // is: normalising it again would build two new strings for each of millions of lookups.
        if (code is not null && DottedIndex(code)?.Find(code) is { } area)
        {
            return area;
        }

        var dotted = AreaCode.Normalize(code);
        return dotted is null ? null : DottedIndex(dotted)!.Find(dotted);
    }

    public bool Exists(string? code) => Find(code) is not null;

    /// <summary>The areas directly inside this one (provinces for an empty code), ordered by code.</summary>
    public IReadOnlyList<Area> Children(string code)
    {
        var dotted = code.Length == 0 ? string.Empty : AreaCode.Normalize(code);
        if (dotted is null)
        {
            return [];
        }

        var childLevel = dotted.Length == 0 ? AreaLevel.Province : AreaCode.LevelOf(dotted)!.Value + 1;
        return childLevel > AreaLevel.Village ? [] : IndexFor(childLevel).ChildrenOf(dotted);
    }

    /// <summary>The chain from the province down to the area itself; empty when the code is unknown.</summary>
    public IReadOnlyList<Area> Path(string code)
    {
        var path = new List<Area>(4);
        for (var area = Find(code); area is not null; area = area.ParentCode is { } parent ? Find(parent) : null)
        {
            path.Add(area);
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// Areas whose folded name matches the query: exact matches first, then prefixes, then
    /// substrings; within each, wider levels first, then by code.
    /// </summary>
    public IReadOnlyList<Area> Search(string query, AreaLevel? level = null, int limit = 20)
    {
        var folded = AreaName.Fold(query);
        if (folded.Length == 0 || limit <= 0)
        {
            return [];
        }

        var indexes = level switch
        {
            null => [_upper.Value, _villages.Value],
            AreaLevel.Village => new[] { _villages.Value },
            _ => [_upper.Value],
        };
        return indexes
            .SelectMany(index => index.Matches(folded))
            .Where(match => level is null || match.Area.Level == level)
            .OrderBy(match => match.Rank)
            .ThenBy(match => match.Area.Level)
            .ThenBy(match => match.Area.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(match => match.Area)
            .ToList();
    }

    // Dotted codes are 2, 5 and 8 characters long above the villages, 13 for a village.
    private AreaIndex? DottedIndex(string code) => code.Length switch
    {
        2 or 5 or 8 => _upper.Value,
        13 when code[2] == '.' && code[5] == '.' && code[8] == '.' => _villages.Value,
        _ => null,
    };

    private AreaIndex IndexFor(AreaLevel level) => level == AreaLevel.Village ? _villages.Value : _upper.Value;
}
