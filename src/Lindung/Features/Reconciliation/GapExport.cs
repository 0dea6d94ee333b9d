using System.Globalization;
using System.Text;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// The gap list as files: CSV (UTF-8 with BOM, so Excel keeps "Ma’ruf") with codes and whole-rupiah
/// numbers, so a spreadsheet can sum them. Column names are Indonesian, like the other exports.
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
            writer.Write(Line(t.Agency, GapList.Code(t.Kind), Number(t.Workers), Number(t.Monthly)));
        }

        writer.Write(Line("TOTAL", string.Empty, Number(totals.Sum(t => t.Workers)), Number(totals.Sum(t => t.Monthly))));
    }

    public static void WriteLinesCsv(Stream stream, IReadOnlyList<GapLine> lines)
    {
        using var writer = Writer(stream);
        writer.Write(LinesHeader + "\n");
        foreach (var l in lines)
        {
            writer.Write(Line(l.Agency, l.WorkerName, l.Nik, l.Kpj ?? string.Empty, GapList.Code(l.Kind), Number(l.RosterWage),
                l.ReportedWage is { } reported ? Number(reported) : string.Empty, Number(l.Monthly)));
        }

        writer.Write(Line("TOTAL", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, Number(lines.Sum(l => l.Monthly))));
    }

    private static StreamWriter Writer(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);

    private static string Line(params string[] fields) => string.Join(',', fields.Select(ReconcileFiles.Quote)) + "\n";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
