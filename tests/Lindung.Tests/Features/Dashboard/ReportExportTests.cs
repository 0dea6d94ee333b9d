using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lindung.Data;
using Lindung.Tests.Cli;
using Lindung.Tests.Infrastructure;
using UglyToad.PdfPig;
using Pages = Lindung.Tests.Infrastructure.Pages;

namespace Lindung.Tests.Features.Dashboard;

/// <summary><c>lindung report coverage</c> in every format, and the pages, carry the figures computed in the test.</summary>
public sealed class ReportExportTests
{
    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task Report_command_writes_json_csv_xlsx_and_pdf_with_the_expected_figures(string provider)
    {
        await using var world = await DashboardWorld.StartAsync(provider);
        using var dir = new TempDirectory();
        var expected = world.Data.ByAgency(world.Today);
        var eligible = expected.Values.Sum(v => v.Eligible);
        var covered = expected.Values.Sum(v => v.Covered);

        foreach (var format in new[] { "json", "csv", "xlsx", "pdf" })
        {
            var run = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "report", "coverage", "--format", format, "--out", Path.Combine(dir.Path, "r." + format)]);
            Assert.True(run.ExitCode == 0, run.Error);
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "r.json")));
        var root = json.RootElement;
        Assert.Equal(world.Data.BySegment(world.Today).Values.Sum(), root.GetProperty("total_active").GetInt32());
        foreach (var (segment, count) in world.Data.BySegment(world.Today))
        {
            Assert.Equal(count, root.GetProperty("by_segment").GetProperty(segment).GetInt32());
        }

        Assert.Equal(world.Data.PuEmployers(world.Today), root.GetProperty("pu_employers").GetInt32());
        Assert.Equal(covered, root.GetProperty("total_covered").GetInt32());
        var agencies = root.GetProperty("by_agency").EnumerateArray().ToList();
        Assert.Equal(world.Data.Agencies.Count(a => expected[a.Id].Eligible > 0), agencies.Count);
        foreach (var a in agencies)
        {
            var id = a.GetProperty("id").GetGuid();
            Assert.Equal(expected[id].Covered, a.GetProperty("covered").GetInt32());
            Assert.Equal((double)expected[id].Covered / expected[id].Eligible, a.GetProperty("ratio").GetDouble(), 5);
            Assert.True(a.TryGetProperty("target", out _) && a.TryGetProperty("class", out _));
        }

        Assert.Equal(2, root.GetProperty("by_region").GetArrayLength());

        var csv = await File.ReadAllLinesAsync(Path.Combine(dir.Path, "r.csv"));
        var totals = csv[^1].Split(',');
        Assert.Equal("Jumlah", totals[2]);
        Assert.Equal(eligible.ToString(System.Globalization.CultureInfo.InvariantCulture), totals[3]);
        Assert.Equal(covered.ToString(System.Globalization.CultureInfo.InvariantCulture), totals[4]);

        using (var book = SpreadsheetDocument.Open(Path.Combine(dir.Path, "r.xlsx"), false))
        {
            var part = book.WorkbookPart!;
            var sheet = part.Workbook.Descendants<Sheet>().First();
            Assert.Equal("OPD", sheet.Name?.Value);
            var rows = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
            Assert.Contains("Laporan Kepesertaan", rows[0].InnerText, StringComparison.Ordinal);
            var last = rows[^1].Elements<Cell>().ToList();
            var sums = last.Where(c => c.CellFormula is not null).Select(c => (Formula: c.CellFormula!.Text, Value: c.CellValue?.Text)).ToList();
            Assert.Contains(sums, s => s.Value == eligible.ToString(System.Globalization.CultureInfo.InvariantCulture) && s.Formula.StartsWith("SUM(", StringComparison.Ordinal));
            Assert.Contains(sums, s => s.Value == covered.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var pdf = PdfDocument.Open(Path.Combine(dir.Path, "r.pdf"));
        Assert.True(pdf.NumberOfPages >= 5, $"{pdf.NumberOfPages} pages");
        var cover = pdf.GetPage(1).Text;
        Assert.Contains("Laporan Kepesertaan Jaminan Sosial Ketenagakerjaan", cover, StringComparison.Ordinal);
        Assert.Contains("Jawa Timur", cover, StringComparison.Ordinal);
        var months = new[] { "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember" };
        Assert.Contains($"{months[world.Today.Month - 1]} {world.Today.Year}", cover, StringComparison.Ordinal);
        var summary = pdf.GetPage(2).Text;
        Assert.Contains("Ringkasan", summary, StringComparison.Ordinal);
        Assert.Contains(covered.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID")), summary, StringComparison.Ordinal);
        var all = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Dinas Uji 01", all, StringComparison.Ordinal);
        Assert.Contains("Peserta aktif per segmen", all, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task Pages_show_the_figures_in_Indonesian_and_respect_each_role(string provider)
    {
        await using var world = await DashboardWorld.StartAsync(provider);
        var id = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        var expected = world.Data.ByAgency(world.Today);
        var agency = world.Data.Agencies[2];
        using var leader = await TestUsers.SignedInClientAsync(world.App, LindungRoles.Leader);
        using var op = await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, agency.Code);

        var dashboard = await Pages.HtmlAsync(leader, "/dashboard");
        var covered = expected.Values.Sum(v => v.Covered);
        var eligible = expected.Values.Sum(v => v.Eligible);
        Assert.Contains($"data-testid=\"covered\">{covered.ToString("N0", id)}<", dashboard, StringComparison.Ordinal);
        Assert.Contains($"{(100.0 * covered / eligible).ToString("N1", id)}%", dashboard, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"line\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("/lib/chartjs/chart.umd.min.js", dashboard, StringComparison.Ordinal);

        var segments = await Pages.HtmlAsync(leader, "/dashboard/segments");
        Assert.Contains($"data-testid=\"total-active\">{world.Data.BySegment(world.Today).Values.Sum().ToString("N0", id)}<", segments, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"pu-employers\">{world.Data.PuEmployers(world.Today).ToString("N0", id)}<", segments, StringComparison.Ordinal);

        var regions = await Pages.HtmlAsync(leader, "/dashboard/regions?code=35.77");
        Assert.Contains("data-region=\"35.77.01\"", regions, StringComparison.Ordinal);

        var leaderAgency = await Pages.HtmlAsync(leader, $"/dashboard/agencies/{agency.Id}");
        var ownAgency = await Pages.HtmlAsync(op, $"/dashboard/agencies/{agency.Id}");
        Assert.DoesNotContain("id=\"gap-list\"", leaderAgency, StringComparison.Ordinal); // leaders get numbers, not names
        Assert.Contains($"data-testid=\"covered\">{expected[agency.Id].Covered.ToString("N0", id)}<", ownAgency, StringComparison.Ordinal);
        var uncovered = expected[agency.Id].Eligible - expected[agency.Id].Covered;
        if (uncovered > 0)
        {
            Assert.Contains("id=\"gap-list\"", ownAgency, StringComparison.Ordinal);
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, await Pages.StatusAsync(op, $"/dashboard/agencies/{world.Data.Agencies[3].Id}"));
        await Pages.AssertDeniedAsync(op, "/dashboard/regions");
    }
}
