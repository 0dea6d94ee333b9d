using System.Text.Json;
using Lindung.Data.Entities;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Imports;

/// <summary>
/// The columns a kind of file needs, and what the header lacks once the user's picks
/// (canonical column → header cell) are applied.
/// </summary>
internal static class ImportColumns
{
    public static IReadOnlyList<ColumnSpec> Specs(ImportKind kind) => kind == ImportKind.Members ? MemberColumns.All : RosterColumns.All;

    /// <summary>The header with each picked cell renamed to its canonical column, as the runner will read it.</summary>
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? overrides)
    {
        if (overrides is null || overrides.Count == 0)
        {
            return header;
        }

        var renamed = header.ToArray();
        foreach (var (column, cell) in overrides)
        {
            var at = Array.FindIndex(renamed, h => string.Equals(h, cell, StringComparison.Ordinal));
            if (at >= 0)
            {
                renamed[at] = column;
            }
        }

        return renamed;
    }

    public static IReadOnlyList<ColumnSpec> Missing(ImportKind kind, IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? overrides = null) =>
        HeaderMap.Map(Apply(header, overrides), Specs(kind)).Missing;

    public static string? ToJson(IReadOnlyDictionary<string, string>? overrides) =>
        overrides is null || overrides.Count == 0 ? null : JsonSerializer.Serialize(overrides);

    public static IReadOnlyDictionary<string, string>? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);
}
