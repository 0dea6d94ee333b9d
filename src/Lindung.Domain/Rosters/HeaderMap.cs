namespace Lindung.Domain.Rosters;

/// <summary>
/// Which field of a row holds which canonical column, found from the header row by alias.
/// Header cells are folded to lower-case letters and digits, so case, spaces, dots, slashes and
/// underscores never matter.
/// </summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, int> _indexes;

    private HeaderMap(Dictionary<string, int> indexes, IReadOnlyList<ColumnSpec> missing)
    {
        _indexes = indexes;
        Missing = missing;
    }

    /// <summary>Required columns no header cell matched; empty when the file can be read.</summary>
    public IReadOnlyList<ColumnSpec> Missing { get; }

    public static HeaderMap Map(IReadOnlyList<string> header, IReadOnlyList<ColumnSpec> columns)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        var byAlias = new Dictionary<string, ColumnSpec>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            foreach (var alias in column.Aliases)
            {
                byAlias.TryAdd(Fold(alias), column);
            }
        }

        // The first cell wins when two cells name the same column.
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (byAlias.TryGetValue(Fold(header[i]), out var column))
            {
                indexes.TryAdd(column.Name, i);
            }
        }

        var missing = columns.Where(c => c.Required && !indexes.ContainsKey(c.Name)).ToArray();
        return new HeaderMap(indexes, missing);
    }

    /// <summary>
    /// Like <see cref="Map(IReadOnlyList{string}, IReadOnlyList{ColumnSpec})"/>, but a column in
    /// <paramref name="overrides"/> (canonical name → header cell the user picked) is read from that
    /// cell and no other. Null when an override names an unknown column or a cell the header lacks.
    /// </summary>
    public static HeaderMap? Map(IReadOnlyList<string> header, IReadOnlyList<ColumnSpec> columns, IReadOnlyDictionary<string, string>? overrides)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        var map = Map(header, columns);
        if (overrides is null || overrides.Count == 0)
        {
            return map;
        }

        var indexes = new Dictionary<string, int>(map._indexes, StringComparer.Ordinal);
        foreach (var (column, cell) in overrides)
        {
            var at = -1;
            for (var i = 0; i < header.Count && at < 0; i++)
            {
                at = Fold(header[i]) == Fold(cell) ? i : -1;
            }

            if (at < 0 || !columns.Any(c => c.Name == column))
            {
                return null;
            }

            // The picked cell now means this column only.
            foreach (var other in indexes.Where(p => p.Value == at).Select(p => p.Key).ToList())
            {
                indexes.Remove(other);
            }

            indexes[column] = at;
        }

        return new HeaderMap(indexes, columns.Where(c => c.Required && !indexes.ContainsKey(c.Name)).ToArray());
    }

    /// <summary>The field index of a canonical column, or -1 when the file lacks it.</summary>
    public int IndexOf(string column) => _indexes.GetValueOrDefault(column, -1);

    /// <summary>The trimmed value of a column in a row, or empty when the column or cell is absent.</summary>
    public string Get(IReadOnlyList<string> fields, string column)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var index = IndexOf(column);
        return index >= 0 && index < fields.Count ? fields[index].Trim() : string.Empty;
    }

    /// <summary>"Missing column tgl_lahir (accepted headers: …)" for every missing column, one sentence each.</summary>
    public string DescribeMissing() => string.Join(" ", Missing.Select(c =>
        $"Missing required column '{c.Name}' (accepted headers: {string.Join(", ", c.Aliases)})."));

    public static string Fold(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return string.Create(header.Count(char.IsAsciiLetterOrDigit), header, static (span, text) =>
        {
            var at = 0;
            foreach (var c in text)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    span[at++] = char.ToLowerInvariant(c);
                }
            }
        });
    }
}
