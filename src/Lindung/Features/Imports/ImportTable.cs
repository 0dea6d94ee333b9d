namespace Lindung.Features.Imports;

/// <summary>The peek at a file the upload check and the mapping screen need, through the same opener as the import.</summary>
internal static class ImportTable
{
    /// <summary>The header and the first <paramref name="rows"/> data rows.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows) Peek(string path, string? sheet, TableLimits limits, int rows = 5)
    {
        using var reader = ImportFiles.Open(path, sheet, limits);
        var preview = new List<string[]>(rows);
        while (preview.Count < rows && reader.ReadRecord(out var fields))
        {
            preview.Add(fields);
        }

        return (reader.Header, preview);
    }
}
