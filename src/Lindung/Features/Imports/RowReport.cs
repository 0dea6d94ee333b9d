using System.Text;

namespace Lindung.Features.Imports;

/// <summary>
/// Where an import writes its row issues, one at a time, so a file with a million bad rows never
/// holds them in memory.
/// </summary>
internal interface IRowReportWriter : IAsyncDisposable
{
    string Path { get; }

    Task WriteAsync(RowIssue issue, CancellationToken cancellationToken);
}

internal static class RowReports
{
    /// <summary>
    /// Opens the report writers of one import. The CSV report is always written; the XLSX report
    /// (same columns, for people who open it in Excel) is to be added here, beside it.
    /// </summary>
    public static IRowReportWriter OpenCsv(string path) => new CsvRowReport(path);
}

/// <summary>UTF-8 with BOM (Excel then reads Indonesian text right), header <c>baris,kolom,kode,pesan,message</c>.</summary>
internal sealed class CsvRowReport : IRowReportWriter
{
    private readonly StreamWriter _writer;

    public CsvRowReport(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _writer = new StreamWriter(Path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        _writer.WriteLine("baris,kolom,kode,pesan,message");
    }

    public string Path { get; }

    public Task WriteAsync(RowIssue issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var line = string.Join(',', issue.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), Quote(issue.Column), Quote(issue.Code), Quote(issue.MessageId), Quote(issue.MessageEn));
        return _writer.WriteLineAsync(line.AsMemory(), cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
