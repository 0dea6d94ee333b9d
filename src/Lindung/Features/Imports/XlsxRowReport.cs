using Lindung.Features.Spreadsheets;

namespace Lindung.Features.Imports;

/// <summary>
/// The row report as a workbook: one sheet, title naming the file, the row, column, code and both
/// messages. A sheet holds at most a million rows; past that the last row says to open the CSV,
/// which always holds every issue.
/// </summary>
internal sealed class CsvAndXlsxRowReport : IRowReportWriter
{
    private static readonly XlsxColumn[] Columns =
    [
        new("Baris", XlsxColumnKind.Integer) { Sum = false },
        new("Kolom", Width: 18),
        new("Kode", Width: 22),
        new("Pesan", Width: 60),
        new("Message", Width: 60),
    ];

    private readonly CsvRowReport _csv;
    private readonly XlsxWriter _book;
    private readonly XlsxSheetWriter _sheet;
    private bool _full;

    public CsvAndXlsxRowReport(CsvRowReport csv)
    {
        _csv = csv;
        XlsxPath = System.IO.Path.ChangeExtension(csv.Path, ".xlsx");
        _book = XlsxWriter.Create(XlsxPath);
        _sheet = _book.AddSheet("Laporan baris", Columns, title: "Laporan pemeriksaan baris · Row report");
    }

    public string Path => _csv.Path;

    public string? XlsxPath { get; }

    public async Task WriteAsync(RowIssue issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        await _csv.WriteAsync(issue, cancellationToken);
        if (_full)
        {
            return;
        }

        if (_sheet.RowNumber >= XlsxSheetWriter.MaxRows - 1)
        {
            _sheet.WriteRow(null, null, null, "Baris berikutnya ada di laporan CSV.", "The remaining rows are in the CSV report.");
            _full = true;
            return;
        }

        _sheet.WriteRow((long)issue.Row, issue.Column, issue.Code, issue.MessageId, issue.MessageEn);
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        _book.Dispose();
    }
}
