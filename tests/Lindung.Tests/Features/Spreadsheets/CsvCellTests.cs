using System.Text;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;
using Lindung.Features.Dashboard;
using Lindung.Features.Imports;
using Lindung.Features.Reconciliation;
using Lindung.Features.Spreadsheets;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Spreadsheets;

/// <summary>
/// Every CSV the app writes keeps users' text from running as a spreadsheet formula, and keeps the
/// numbers it computes (a negative count included) as numbers.
/// </summary>
public class CsvCellTests
{
    private const string Link = "=HYPERLINK(\"http://contoh.test\",\"Klik\")";

    [Theory]
    [InlineData("Budi Santoso", "Budi Santoso")]
    [InlineData("", "")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("-Budi", "'-Budi")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tBudi", "'\tBudi")]
    [InlineData("\rBudi", "\"'\rBudi\"")]
    [InlineData(Link, "\"'=HYPERLINK(\"\"http://contoh.test\"\",\"\"Klik\"\")\"")]
    [InlineData("Budi, S.Pd.", "\"Budi, S.Pd.\"")]
    [InlineData("Budi = Ucok", "Budi = Ucok")]
    [InlineData("'=1+2", "'=1+2")]
    public void Text_cells_are_neutralised_then_quoted(string value, string written)
    {
        Assert.Equal(written, CsvCell.Text(value));
        using var writer = new StringWriter();
        CsvCell.Write(writer, value);
        Assert.Equal(written, writer.ToString());
    }

    [Fact]
    public async Task Gap_list_neutralises_names_and_keeps_numbers()
    {
        using var stream = new MemoryStream();
        GapLine[] gaps = [new GapLine("@Dinas", Guid.NewGuid(), Link, "-3577015203900002", "+11", GapKind.Register, 2_500_000, null, 8_100)];
        await GapExport.WriteLinesCsvAsync(stream, gaps.ToAsyncEnumerable(), CancellationToken.None);

        var lines = Lines(stream);
        Assert.Equal("'@Dinas,\"'=HYPERLINK(\"\"http://contoh.test\"\",\"\"Klik\"\")\",'-3577015203900002,'+11,NOT_REGISTERED,2500000,,8100", lines[1]);
        Assert.Equal("TOTAL,,,,,,,8100", lines[2]);

        stream.SetLength(0);
        GapExport.WriteSummaryCsv(stream, [new GapTotal("=Dinas", GapKind.Register, 1, 8_100)]);
        Assert.Equal("'=Dinas,NOT_REGISTERED,1,8100", Lines(stream)[1]);
    }

    [Fact]
    public async Task Coverage_report_neutralises_text_and_writes_a_negative_count_as_a_number()
    {
        var table = new ReportTable(
            "agencies",
            "Instansi",
            [new("Kode", CellKind.Text), new("Nama", CellKind.Text), new("Selisih", CellKind.Count), new("Rasio", CellKind.Share)],
            [["-DISDIK", "=1+2", -3L, 0.5]],
            null);
        using var stream = new MemoryStream();

        await ReportCsv.WriteAsync(stream, table, CancellationToken.None);

        Assert.Equal("'-DISDIK,'=1+2,-3,0.5", Lines(stream)[1]);
    }

    [Fact]
    public async Task Import_row_report_neutralises_its_text_cells()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "report.csv");
        await using (var report = RowReport.Open(path))
        {
            report.Add(new RowIssue(7, "=nama", "+CODE", "@pesan", "-message, with comma"));
        }

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal("7,'=nama,,,'+CODE,'@pesan,\"'-message, with comma\"", lines[1]);
    }

    [Fact]
    public void Reconciliation_result_neutralises_nik_name_and_kpj()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "result.csv");
        var roster = new RosterRecord(2, "=1+2", Link, null, null, null, null);

        ReconcileFiles.Write(path, [new ReconcileResult(roster, ReconcileOutcome.CoveredActive, MatchMethod.Nik, 1, "@KPJ", CoverageGap.None)]);

        var lines = File.ReadAllLines(path);
        Assert.Equal("2,'=1+2,\"'=HYPERLINK(\"\"http://contoh.test\"\",\"\"Klik\"\")\",COVERED_ACTIVE,'@KPJ,NIK,1.000,", lines[1]);
    }

    private static string[] Lines(MemoryStream stream) =>
        Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split('\n');
}
