namespace Lindung.Features.Imports;

/// <summary>The one place a web import opens a file as a table, and the peek the mapping screen needs.</summary>
internal static class ImportTable
{
    public static ITableReader Open(string path, string? sheet)
    {
        _ = sheet;
        return Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? CsvReader.Open(path)
            : throw new NotSupportedException("Only CSV files can be read until the XLSX reader is installed.");
    }

    /// <summary>The header and the first <paramref name="rows"/> data rows.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows) Peek(string path, string? sheet, int rows = 5)
    {
        using var reader = Open(path, sheet);
        var preview = new List<string[]>(rows);
        while (preview.Count < rows && reader.ReadRecord(out var fields))
        {
            preview.Add(fields);
        }

        return (reader.Header, preview);
    }
}
