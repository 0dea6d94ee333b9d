using System.Text;
using Lindung.Features.Spreadsheets;
using Lindung.Hosting;

namespace Lindung.Features.Imports;

/// <summary>
/// Where an import writes its row issues, one at a time, so a file with a million bad rows never
/// holds them in memory.
/// </summary>
internal interface IRowReportWriter : IAsyncDisposable
{
    /// <summary>The CSV report, always written.</summary>
    string Path { get; }

    /// <summary>The same rows as an XLSX workbook, when written.</summary>
    string? XlsxPath => null;

    Task WriteAsync(RowIssue issue, CancellationToken cancellationToken);
}

internal static class RowReports
{
    /// <summary>
    /// Opens the report writers of one import: the CSV report at <paramref name="path"/> and the
    /// same rows as an XLSX workbook beside it (same name, .xlsx), for people who open it in Excel.
    /// </summary>
    public static IRowReportWriter Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Asked for "report.xlsx": the CSV goes beside it as "report.csv".
        var csv = System.IO.Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? System.IO.Path.ChangeExtension(path, ".csv") : path;
        return new CsvAndXlsxRowReport(new CsvRowReport(csv));
    }
}

/// <summary>UTF-8 with BOM (Excel then reads Indonesian text right), header <c>baris,kolom,kode,pesan,message</c>.</summary>
internal sealed class CsvRowReport : IRowReportWriter
{
    private readonly StreamWriter _writer;

    public CsvRowReport(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        PrivateFiles.CreateFolder(System.IO.Path.GetDirectoryName(Path)!);
        _writer = new StreamWriter(PrivateFiles.Create(Path), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        _writer.WriteLine("baris,kolom,kode,pesan,message");
    }

    public string Path { get; }

    public Task WriteAsync(RowIssue issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var line = string.Join(',', issue.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), CsvCell.Text(issue.Column), CsvCell.Text(issue.Code), CsvCell.Text(issue.MessageId), CsvCell.Text(issue.MessageEn));
        return _writer.WriteLineAsync(line.AsMemory(), cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
