using System.IO.Compression;
using System.Text;

namespace Lindung.Domain.Areas;

/// <summary>Areas of one or more levels held by code, by parent and by folded name.</summary>
internal sealed class AreaIndex
{
    private readonly Dictionary<string, Area> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Area>> _byParent = new(StringComparer.Ordinal);
    private readonly List<(string Folded, Area Area)> _names = [];

    public static AreaIndex Load(Func<string, Stream> open, params AreaLevel[] levels)
    {
        var index = new AreaIndex();
        foreach (var level in levels)
        {
            using var stream = open(FileName(level));
            using var reader = new StreamReader(stream, Encoding.UTF8);
            foreach (var area in AreaCsv.Read(reader, level))
            {
                index.Add(area);
            }
        }

        foreach (var children in index._byParent.Values)
        {
            children.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        }

        return index;
    }

    public Area? Find(string dottedCode) => _byCode.GetValueOrDefault(dottedCode);

    public IReadOnlyList<Area> ChildrenOf(string dottedCode) =>
        _byParent.TryGetValue(dottedCode, out var children) ? children : [];

    public IEnumerable<(int Rank, Area Area)> Matches(string foldedQuery)
    {
        foreach (var (folded, area) in _names)
        {
            var at = folded.IndexOf(foldedQuery, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var rank = folded.Length == foldedQuery.Length ? 0 : at == 0 || folded[at - 1] == ' ' ? 1 : 2;
            yield return (rank, area);
        }
    }

    internal static string FileName(AreaLevel level) => level switch
    {
        AreaLevel.Province => "provinces",
        AreaLevel.Regency => "regencies",
        AreaLevel.District => "districts",
        _ => "villages",
    };

    private void Add(Area area)
    {
        if (!_byCode.TryAdd(area.Code, area))
        {
            throw new FormatException($"Area data: code {area.Code} appears twice.");
        }

        var parent = area.ParentCode ?? string.Empty;
        if (!_byParent.TryGetValue(parent, out var siblings))
        {
            _byParent[parent] = siblings = [];
        }

        siblings.Add(area);
        _names.Add((AreaName.Fold(area.Name), area));
    }
}

/// <summary>The gzip-compressed CSV files embedded in this assembly.</summary>
internal static class EmbeddedAreaData
{
    public static Stream Open(string name)
    {
        var resource = typeof(EmbeddedAreaData).Assembly.GetManifestResourceStream($"Lindung.Areas.{name}.csv.gz")
            ?? throw new InvalidOperationException($"Area data '{name}' is not embedded in Lindung.Domain.");
        return new GZipStream(resource, CompressionMode.Decompress);
    }
}
