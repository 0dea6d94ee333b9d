using System.Globalization;
using System.Text;
using Lindung.Features.Spreadsheets;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// The gap list as files: CSV (UTF-8 with BOM, so Excel keeps "Ma’ruf") or XLSX (a title row, a
/// summary sheet and, for one agency, a sheet per worker, each with a totals row), with gap codes
/// and whole-rupiah numbers a spreadsheet can sum. Column names are Indonesian, like the other exports.
/// </summary>
internal static class GapExport
{
    public const string SummaryHeader = "instansi,kesenjangan,jumlah_pekerja,iuran_bulanan";
    public const string LinesHeader = "instansi,nama,nik,kpj,kesenjangan,upah_roster,upah_dilaporkan,iuran_bulanan";

    public static void WriteSummaryCsv(Stream stream, IReadOnlyList<GapTotal> totals)
    {
        using var writer = Writer(stream);
        writer.Write(SummaryHeader + "\n");
        foreach (var t in totals)
        {
            writer.Write(Line(Text(t.Agency), Text(GapList.Code(t.Kind)), Number(t.Workers), Number(t.Monthly)));
        }

        writer.Write(Line("TOTAL", string.Empty, Number(totals.Sum(t => t.Workers)), Number(totals.Sum(t => t.Monthly))));
    }

    /// <summary>Writes the lines as they are read, so an agency of 150,000 workers never sits in memory; the totals row comes last.</summary>
    public static async Task WriteLinesCsvAsync(Stream stream, IAsyncEnumerable<GapLine> lines, CancellationToken ct)
    {
        await using var writer = Writer(stream);
        await writer.WriteAsync(LinesHeader + "\n");
        long total = 0;
        await foreach (var l in lines.WithCancellation(ct))
        {
            total += l.Monthly;
            await writer.WriteAsync(Line(Text(l.Agency), Text(l.WorkerName), Text(l.Nik), Text(l.Kpj ?? string.Empty), Text(GapList.Code(l.Kind)), Number(l.RosterWage),
                l.ReportedWage is { } reported ? Number(reported) : string.Empty, Number(l.Monthly)));
        }

        await writer.WriteAsync(Line("TOTAL", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, Number(total)));
    }

    /// <summary>
    /// The XLSX workbook written to a temporary file that is deleted once the returned stream (positioned
    /// at the start) is closed: a zip cannot be streamed to a response without synchronous writes.
    /// </summary>
    public static async Task<Stream> XlsxFileAsync(string title, string subtitle, IReadOnlyList<GapTotal> totals, IAsyncEnumerable<GapLine> lines, CancellationToken ct)
    {
        var file = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var book = XlsxWriter.Create(file, leaveOpen: true))
            {
                WriteSummary(book, title, subtitle, totals);
                var detail = AddDetail(book, title, subtitle);
                await foreach (var l in lines.WithCancellation(ct))
                {
                    detail.WriteRow(l.Agency, l.WorkerName, l.Nik, l.Kpj, GapList.Code(l.Kind), l.RosterWage, l.ReportedWage, l.Monthly);
                }

                detail.WriteTotals("TOTAL");
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>An XLSX workbook with the "Ringkasan" sheet only (per agency and gap).</summary>
    public static void WriteXlsx(Stream stream, string title, string subtitle, IReadOnlyList<GapTotal> totals)
    {
        using var book = XlsxWriter.Create(stream, leaveOpen: true);
        WriteSummary(book, title, subtitle, totals);
    }

    private static void WriteSummary(XlsxWriter book, string title, string subtitle, IReadOnlyList<GapTotal> totals)
    {
        var summary = book.AddSheet(
            "Ringkasan",
            [new("instansi", Width: 32), new("kesenjangan", Width: 20), new("jumlah_pekerja", XlsxColumnKind.Integer), new("iuran_bulanan", XlsxColumnKind.Rupiah)],
            title,
            subtitle);
        foreach (var t in totals)
        {
            summary.WriteRow(t.Agency, GapList.Code(t.Kind), (long)t.Workers, t.Monthly);
        }

        summary.WriteTotals("TOTAL");
    }

    private static XlsxSheetWriter AddDetail(XlsxWriter book, string title, string subtitle) =>
        book.AddSheet(
            "Rincian",
            [
                new("instansi", Width: 28), new("nama", Width: 28), new("nik", Width: 18), new("kpj", Width: 13), new("kesenjangan", Width: 20),
                new("upah_roster", XlsxColumnKind.Rupiah) { Sum = false }, new("upah_dilaporkan", XlsxColumnKind.Rupiah) { Sum = false }, new("iuran_bulanan", XlsxColumnKind.Rupiah),
            ],
            title,
            subtitle);

    private static StreamWriter Writer(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);

    /// <summary>One line of cells already written by <see cref="Text"/> or <see cref="Number"/>.</summary>
    private static string Line(params string[] cells) => string.Join(',', cells) + "\n";

    /// <summary>Names, NIKs and KPJs come from users' files: <see cref="CsvCell"/> keeps them from running as formulas.</summary>
    private static string Text(string value) => CsvCell.Text(value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
