using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Budget;

/// <summary>
/// The budget planner through its two doors: <c>lindung budget plan</c> (JSON, XLSX, exit 2 naming each
/// refused field) and <c>POST /api/v1/budget/plan</c> (the same plan, a problem naming the field, the
/// workbook, and the roles that may plan).
/// </summary>
public sealed class BudgetPlanTests : IDisposable
{
    // The scenario of the issue, word for word.
    private const string IssueScenario = """
        {"from":"2027-01","months":12,"groups":[{"name":"Guru ngaji","segment":"BPU","count":100,"income":1000000,"programs":["JKK","JKM"],"payer":"APBD","occupation":"other"},{"name":"Honorer DLH","segment":"PU","count":50,"wage":2500000,"risk_group":3,"programs":["JKK","JKM","JHT","JP"],"payer":"APBD"}]}
        """;

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_CLI_prints_the_plan_as_JSON_with_totals_per_group_and_per_month()
    {
        var run = await PlanAsync(IssueScenario);

        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        // Guru ngaji: 16,800 × 12 × 100; Honorer DLH: (172,250 + 75,000) × 12 × 50 (DOMAIN.md §2.1, §3).
        Assert.Equal(20_160_000 + 148_350_000, root.GetProperty("total").GetInt64());
        Assert.Equal(103_350_000, root.GetProperty("employer_total").GetInt64());
        Assert.Equal(20_160_000 + 45_000_000, root.GetProperty("worker_total").GetInt64());
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["Guru ngaji", "Honorer DLH"], groups.Select(g => g.GetProperty("name").GetString()));
        var byMonth = groups[1].GetProperty("by_month").EnumerateArray().ToList();
        Assert.Equal(12, byMonth.Count);
        Assert.Equal(("2027-01", 12_362_500L), (byMonth[0].GetProperty("month").GetString(), byMonth[0].GetProperty("amount").GetInt64()));
        Assert.Equal(groups[1].GetProperty("total").GetInt64(), byMonth.Sum(m => m.GetProperty("amount").GetInt64()));
        Assert.Contains(root.GetProperty("legal_basis").EnumerateArray(), e => e.GetProperty("parameter").GetString() == "bpu.jkm");
    }

    [Theory]
    [InlineData("""{"from":"2027-01","months":12,"groups":[{"name":"x","segment":"NELAYAN","count":1,"income":1000000,"payer":"SELF"}]}""", "SEGMENT_UNKNOWN (groups[0].segment)")]
    [InlineData("""{"from":"2027-01","months":-3,"groups":[{"name":"x","segment":"BPU","count":1,"income":1000000,"payer":"SELF"}]}""", "MONTHS_NOT_POSITIVE (months)")]
    [InlineData("""{"from":"2027-01","months":12,"groups":[{"name":"x","segment":"BPU","count":1,"income":750000,"payer":"SELF"}]}""", "INCOME_BELOW_MINIMUM (groups[0].income)")]
    [InlineData("""{"from":"2014-01","months":12,"groups":[{"name":"x","segment":"BPU","count":1,"income":1000000,"payer":"SELF"}]}""", "RATE_MISSING (groups[0])")]
    [InlineData("""{"from":"2027-01","months":"twelve"}""", "SCENARIO_NOT_JSON (scenario)")]
    public async Task A_bad_scenario_exits_2_naming_the_error_and_the_field(string scenario, string expected)
    {
        var run = await PlanAsync(scenario);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task The_CLI_writes_the_plan_as_a_workbook_with_groups_months_and_legal_basis()
    {
        var output = Path.Combine(_data.Path, "plan.xlsx");
        var run = await PlanAsync(IssueScenario, "--format", "xlsx", "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["Kelompok", "Per bulan", "Dasar hukum"], Lindung.Features.Spreadsheets.XlsxReader.SheetNames(output));
        using var zip = ZipFile.OpenRead(output);
        var groups = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("Honorer DLH", groups, StringComparison.Ordinal);
        Assert.Contains("148350000", groups, StringComparison.Ordinal);
        var basis = await new StreamReader(zip.GetEntry("xl/worksheets/sheet3.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("PP 45/2015", basis, StringComparison.Ordinal); // the JP cap of every month, projected ones marked
        Assert.Contains("UNCONFIRMED", basis, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task The_API_answers_the_same_plan_names_a_bad_field_and_serves_the_workbook(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var leader = await world.ClientAsync(LindungRoles.Leader);
        using var content = new StringContent(IssueScenario, System.Text.Encoding.UTF8, "application/json");
        using var response = await leader.PostAsync(new Uri("/api/v1/budget/plan", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(168_510_000, plan.GetProperty("total").GetInt64());
        Assert.Equal("APBD", plan.GetProperty("by_payer")[0].GetProperty("payer").GetString());
        Assert.Equal(20_160_000 + 103_350_000, plan.GetProperty("by_payer")[0].GetProperty("amount").GetInt64());

        var bad = IssueScenario.Replace("\"count\":100", "\"count\":0", StringComparison.Ordinal);
        using var badContent = new StringContent(bad, System.Text.Encoding.UTF8, "application/json");
        using var refused = await leader.PostAsync(new Uri("/api/v1/budget/plan", UriKind.Relative), badContent);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("groups[0].count", out _), problem.ToString());

        using var xlsxContent = new StringContent(IssueScenario, System.Text.Encoding.UTF8, "application/json");
        using var workbook = await leader.PostAsync(new Uri("/api/v1/budget/plan?format=xlsx", UriKind.Relative), xlsxContent);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await workbook.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task The_roster_adds_the_staff_the_caller_may_see_one_line_per_agency(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        const string RosterOnly = """{"from":"2027-01","months":12,"roster":{"programs":["JKK","JKM"],"risk_group":1,"payer":"APBD"}}""";

        // Each fixture agency has one honorer at 2,500,000: JKK 0.24% 6,000 + JKM 0.30% 7,500 a month.
        using var operatorA = await world.ClientAsync(LindungRoles.AgencyOperator);
        var own = await PlanJsonAsync(operatorA, RosterOnly);
        var line = Assert.Single(own.GetProperty("groups").EnumerateArray());
        Assert.Equal(("Dinas Pendidikan (OPD-A)", 1, 13_500L * 12), (line.GetProperty("name").GetString(), line.GetProperty("count").GetInt32(), line.GetProperty("total").GetInt64()));

        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        var region = await PlanJsonAsync(branch, RosterOnly.Replace("\"roster\"", "\"groups\":[{\"name\":\"Guru ngaji\",\"segment\":\"BPU\",\"count\":10,\"income\":1000000,\"payer\":\"APBD\"}],\"roster\"", StringComparison.Ordinal));
        Assert.Equal(["Guru ngaji", "Dinas Kesehatan (OPD-B)", "Dinas Pendidikan (OPD-A)"], region.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal((16_800L * 10 * 12) + (13_500L * 2 * 12), region.GetProperty("total").GetInt64());
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Each_agency_gets_its_own_workbook_with_its_staff_alone(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        const string Roster = ""","roster":{"programs":["JKK","JKM"],"risk_group":1,"payer":"APBD"}""";
        const string Scenario = """{"from":"2027-01","months":12,"groups":[{"name":"Guru ngaji","segment":"BPU","count":10,"income":1000000,"payer":"APBD"}]""" + Roster + "}";
        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);

        using var content = new StringContent(Scenario, System.Text.Encoding.UTF8, "application/json");
        using var response = await branch.PostAsync(new Uri("/api/v1/budget/plan?format=agency-xlsx", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(
            ["rencana-anggaran-2027-01-Dinas-Kesehatan-OPD-B.xlsx", "rencana-anggaran-2027-01-Dinas-Pendidikan-OPD-A.xlsx"],
            zip.Entries.Select(e => e.FullName));
        foreach (var (entry, own, other) in new[] { (zip.Entries[0], "Dinas Kesehatan (OPD-B)", "Dinas Pendidikan"), (zip.Entries[1], "Dinas Pendidikan (OPD-A)", "Dinas Kesehatan") })
        {
            var text = WorkbookText(entry);
            Assert.Contains(own, text, StringComparison.Ordinal);
            Assert.DoesNotContain(other, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Guru ngaji", text, StringComparison.Ordinal);
            // One honorer at 2,500,000: JKK 0.24% + JKM 0.30% = 13,500 a month, 162,000 a year.
            Assert.Contains(">162000<", text, StringComparison.Ordinal);
        }

        // Without the roster there is nothing to split by agency: refused by name.
        using var noRoster = new StringContent(Scenario.Replace(Roster, string.Empty, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        using var refused = await branch.PostAsync(new Uri("/api/v1/budget/plan?format=agency-xlsx", UriKind.Relative), noRoster);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ROSTER_REQUIRED", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every part of a workbook inside the ZIP, as text: enough to see which names and sums it holds.</summary>
    private static string WorkbookText(System.IO.Compression.ZipArchiveEntry entry)
    {
        var bytes = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var book = new System.IO.Compression.ZipArchive(bytes);
        return string.Concat(book.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    [Fact]
    public async Task An_agency_operator_opens_the_planner_with_its_own_roster_already_in_the_plan()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var seed = await RegistrySeed.AddAsync(app.Services);
        using var operatorClient = await TestUsers.SignedInClientAsync(app, LindungRoles.AgencyOperator, seed.AgencyACode);
        using var leader = await TestUsers.SignedInClientAsync(app, LindungRoles.Leader, null, "35.77");

        var own = await Pages.HtmlAsync(operatorClient, "/budget");
        Assert.Contains($"data-group=\"Dinas Pendidikan ({seed.AgencyACode})\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("data-group=\"RSUD Kota Madiun", own, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.IncludeRoster\" value=\"true\" checked=\"checked\"", own, StringComparison.Ordinal);

        // A leader starts from the example groups alone and adds the rosters when it chooses.
        Assert.DoesNotContain("data-group=\"Dinas Pendidikan", await Pages.HtmlAsync(leader, "/budget"), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PlanJsonAsync(HttpClient client, string scenario)
    {
        using var content = new StringContent(scenario, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/budget/plan", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<CliRun> PlanAsync(string scenario, params string[] extra)
    {
        var path = Path.Combine(_data.Path, $"scenario-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, scenario);
        return await CliRun.ExecuteAsync(["--data", _data.Path, "budget", "plan", "--scenario", path, .. extra]);
    }
}
