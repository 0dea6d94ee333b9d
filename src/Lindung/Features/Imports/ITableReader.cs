namespace Lindung.Features.Imports;

/// <summary>
/// Rows of a spreadsheet-like file, one at a time: a CSV export or the sheet of an XLSX workbook.
/// Every cell arrives as the text a person sees (dates in an XLSX may arrive as serial numbers,
/// which <see cref="Lindung.Domain.Rosters.FieldParser"/> understands).
/// </summary>
internal interface ITableReader : IDisposable
{
    /// <summary>The cells of the first row.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>The spreadsheet row number of the record last read; the header is row 1.</summary>
    int Row { get; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the file.</summary>
    bool ReadRecord(out string[] fields);
}
