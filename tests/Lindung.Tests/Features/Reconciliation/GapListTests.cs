using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lindung.Data;
using Lindung.Domain.Contributions;
using Lindung.Features.Contributions;
using Lindung.Tests.Cli;
using Lindung.Tests.Infrastructure;
using Pages = Lindung.Tests.Infrastructure.Pages;

namespace Lindung.Tests.Features.Reconciliation;

/// <summary>Gap list numbers against contributions computed here with the domain calculator; CSV and XLSX exports; the CLI reports.</summary>
public sealed class GapListTests
{
    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Gap_list_counts_and_monthly_contributions_equal_the_domain_calculator(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await ReviewQueueTests.StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        var expected = Expected(world);

        var gaps = await ReviewQueueTests.GetJsonAsync(admin, $"/api/v1/reconciliation/gaps/{world.AgencyA.Id}");

        var totals = gaps.GetProperty("totals").EnumerateArray().ToDictionary(
            t => t.GetProperty("gap").GetString()!, t => (t.GetProperty("workers").GetInt32(), t.GetProperty("monthly_contribution").GetInt64()));
        Assert.Equal((1, expected.Register), totals["NOT_REGISTERED"]);
        Assert.Equal((1, expected.Reactivate), totals["COVERED_INACTIVE"]);
        Assert.Equal((1, expected.CorrectWage), totals["WAGE_UNDERREPORTED"]);
        Assert.Equal((1, expected.CompletePrograms), totals["PROGRAM_MISSING"]);
        Assert.Equal(expected.Sum, gaps.GetProperty("monthly_contribution_total").GetInt64());
        var names = gaps.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("name").GetString()).ToHashSet();
        Assert.Equal(["Budi Hartono", "Agus Prasetyo", "Siti Rahayu", "Dewi Lestari"], names);

        var html = await Pages.HtmlAsync(admin, $"/reconciliation/gaps/{world.AgencyA.Id}");
        Assert.Contains("Rp" + expected.Sum.ToString("N0", CultureInfo.GetCultureInfo("id-ID")), html, StringComparison.Ordinal);
        Assert.Contains(Lindung.Domain.Identifiers.Nik.Mask(world.Budi.Nik), html, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Budi.Nik, html, StringComparison.Ordinal);

        // One gap at a time, a page at a time: the totals above stay whole.
        var register = await Pages.HtmlAsync(admin, $"/reconciliation/gaps/{world.AgencyA.Id}?gap=Register");
        var lines = register[register.IndexOf("id=\"gap-lines\"", StringComparison.Ordinal)..];
        Assert.Contains("Budi Hartono", lines, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti Rahayu", lines, StringComparison.Ordinal);
        Assert.Contains("Rp" + expected.Sum.ToString("N0", CultureInfo.GetCultureInfo("id-ID")), register, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Gap_list_api_pages_in_list_order_without_gaps_or_repeats_and_filters_by_gap(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await ReviewQueueTests.StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        var path = $"/api/v1/reconciliation/gaps/{world.AgencyA.Id}";
        var whole = await ReviewQueueTests.GetJsonAsync(admin, path);
        var all = Lines(whole);
        Assert.Equal(4, whole.GetProperty("total").GetInt32());
        Assert.Equal(["NOT_REGISTERED", "COVERED_INACTIVE", "WAGE_UNDERREPORTED", "PROGRAM_MISSING"], all.Select(l => l.Gap));

        // Page by page, one line each: the same lines in the same order, each once, then an empty page.
        var paged = new List<(string Name, string Gap)>();
        for (var page = 1; page <= 5; page++)
        {
            var body = await ReviewQueueTests.GetJsonAsync(admin, $"{path}?page={page}&pageSize=1");
            Assert.Equal(4, body.GetProperty("total").GetInt32());
            Assert.Equal(1, body.GetProperty("page_size").GetInt32());
            Assert.Equal(4, body.GetProperty("totals").EnumerateArray().Sum(t => t.GetProperty("workers").GetInt32()));
            paged.AddRange(Lines(body));
            Assert.Equal(page <= 4 ? 1 : 0, Lines(body).Count);
        }

        Assert.Equal(all, paged);
        var twoAndTwo = (await ReviewQueueTests.GetJsonAsync(admin, $"{path}?page=2&pageSize=2")).GetProperty("workers");
        Assert.Equal(all[2..].Select(l => l.Name), twoAndTwo.EnumerateArray().Select(w => w.GetProperty("name").GetString()!));

        var inactive = await ReviewQueueTests.GetJsonAsync(admin, $"{path}?gap=COVERED_INACTIVE");
        Assert.Equal(1, inactive.GetProperty("total").GetInt32());
        Assert.Equal([("Agus Prasetyo", "COVERED_INACTIVE")], Lines(inactive));
        Assert.Equal(4, inactive.GetProperty("totals").EnumerateArray().Sum(t => t.GetProperty("workers").GetInt32()));

        foreach (var bad in new[] { "?pageSize=201", "?page=0", "?gap=NEEDS_REVIEW" })
        {
            using var response = await admin.GetAsync(new Uri(path + bad, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private static List<(string Name, string Gap)> Lines(System.Text.Json.JsonElement body) =>
        [.. body.GetProperty("workers").EnumerateArray().Select(w => (w.GetProperty("name").GetString()!, w.GetProperty("gap").GetString()!))];

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Gap_list_exports_as_CSV_and_XLSX_with_totals(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var officer = await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, world.AgencyA.Code);
        await ReviewQueueTests.StartRunAsync(officer, new { });
        var expected = Expected(world);

        using var csvResponse = await officer.GetAsync(new Uri($"/reconciliation/gaps/{world.AgencyA.Id}?handler=export&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("instansi,nama,nik,kpj,kesenjangan,upah_roster,upah_dilaporkan,iuran_bulanan", csv[0]);
        Assert.Contains($"Dinas Pendidikan,Budi Hartono,{world.Budi.Nik},,NOT_REGISTERED,{ReconcileWorld.BudiWage},,{expected.Register}", csv);
        Assert.Contains($"Dinas Pendidikan,Siti Rahayu,{world.Siti.Nik},{ReconcileWorld.SitiKpj},WAGE_UNDERREPORTED,{ReconcileWorld.SitiWage},{ReconcileWorld.SitiReported},{expected.CorrectWage}", csv);
        Assert.Equal($"TOTAL,,,,,,,{expected.Sum}", csv[^1]);

        using var xlsxResponse = await officer.GetAsync(new Uri($"/reconciliation/gaps/{world.AgencyA.Id}?handler=export&format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "gaps.xlsx");
        await File.WriteAllBytesAsync(path, await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheets = ReadCells(path);
        Assert.Equal(["Ringkasan", "Rincian"], sheets.Keys);
        var summary = sheets["Ringkasan"];
        Assert.StartsWith("Kesenjangan kepesertaan", summary[0][0], StringComparison.Ordinal);
        Assert.Contains(summary, row => row.SequenceEqual(["Dinas Pendidikan", "PROGRAM_MISSING", "1", expected.CompletePrograms.ToString(CultureInfo.InvariantCulture)]));
        Assert.Equal(["TOTAL", "", "4", expected.Sum.ToString(CultureInfo.InvariantCulture)], summary[^1]);
        Assert.Contains(sheets["Rincian"], row => row.Contains(world.Agus.Nik) && row.Contains("COVERED_INACTIVE"));
    }

    [Fact]
    public async Task Reconcile_registry_verb_runs_over_the_database_and_writes_the_same_gap_report()
    {
        await using var world = await ReconcileWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        var expected = Expected(world);
        var report = Path.Combine(world.App.DataDirectory, "gaps.csv");

        var run = await CliRun.ExecuteAsync("reconcile-registry", "--data", world.App.DataDirectory, "--region", "35.77", "--agency", "DISDIK", "--report", report);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("workers/s", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"done\s+\[#{20}\]\s+100\.0%\s+6 workers", run.Error);
        Assert.Matches(@"NEEDS_REVIEW\s+1", run.Out);
        Assert.Matches(@"COVERED_ACTIVE\s+3", run.Out);
        var lines = (await File.ReadAllLinesAsync(report, Encoding.UTF8)).Select(l => l.TrimStart('\uFEFF')).ToArray();
        Assert.Equal(
            [
                "instansi,kesenjangan,jumlah_pekerja,iuran_bulanan",
                $"Dinas Pendidikan,NOT_REGISTERED,1,{expected.Register}",
                $"Dinas Pendidikan,COVERED_INACTIVE,1,{expected.Reactivate}",
                $"Dinas Pendidikan,WAGE_UNDERREPORTED,1,{expected.CorrectWage}",
                $"Dinas Pendidikan,PROGRAM_MISSING,1,{expected.CompletePrograms}",
                $"TOTAL,,4,{expected.Sum}",
            ],
            lines);

        var unknown = await CliRun.ExecuteAsync("reconcile-registry", "--data", world.App.DataDirectory, "--region", "35.77", "--agency", "NOPE");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("NOPE", unknown.Error, StringComparison.Ordinal);
    }

    /// <summary>The four gaps of agency A, priced here straight from the domain calculator and the built-in rate book.</summary>
    private static (long Register, long Reactivate, long CorrectWage, long CompletePrograms, long Sum) Expected(ReconcileWorld world)
    {
        var book = RateBookLoader.Load(world.App.DataDirectory);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var month = new ContributionMonth(today.Year, today.Month);
        long Pu(long wage, params ContributionProgram[] programs) => PuCalculator.Calculate(new PuRequest(month, wage, 1, programs), book).Total;
        var jkkJkm = new[] { ContributionProgram.Jkk, ContributionProgram.Jkm };
        var register = Pu(ReconcileWorld.BudiWage, jkkJkm);
        var reactivate = Pu(ReconcileWorld.AgusWage, jkkJkm);
        var correct = Pu(ReconcileWorld.SitiWage, jkkJkm) - Pu(ReconcileWorld.SitiReported, jkkJkm);
        var complete = Pu(ReconcileWorld.DewiWage, ContributionProgram.Jkm);
        Assert.True(register > 0 && correct > 0 && complete > 0);
        return (register, reactivate, correct, complete, register + reactivate + correct + complete);
    }

    /// <summary>Each sheet's rows as cell texts (inline strings and numbers), by sheet name in workbook order.</summary>
    private static Dictionary<string, List<string[]>> ReadCells(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            result[sheet.Name!] = [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>()
                .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToArray())];
        }

        return result;
    }
}
