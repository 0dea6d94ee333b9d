using System.Text.Json;
using Lindung.Tests.Cli;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Contributions;

/// <summary>
/// Runs <c>lindung contribution</c> in-process. Every run gets its own empty data folder, so an
/// admin's real overlays or LINDUNG_DATA never leak into a test.
/// </summary>
public sealed class ContributionCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Worked_example_A_prints_lines_totals_and_legal_basis()
    {
        var (code, json, _) = await Run("--segment", "PU", "--month", "2026-05", "--wage", "4000000", "--risk-group", "2", "--business-size", "large");

        Assert.Equal(0, code);
        var root = json!.RootElement;
        Assert.Equal(261_600, root.GetProperty("employer_total").GetInt64());
        Assert.Equal(120_000, root.GetProperty("worker_total").GetInt64());
        Assert.Equal(381_600, root.GetProperty("total").GetInt64());
        Assert.Equal("PU", root.GetProperty("segment").GetString());
        Assert.Equal(4_000_000, root.GetProperty("input").GetProperty("wage").GetInt64());
        Assert.Equal("large", root.GetProperty("input").GetProperty("business_size").GetString());

        var lines = root.GetProperty("lines").EnumerateArray().ToList();
        var jkk = lines.First(l => l.GetProperty("program").GetString() == "JKK");
        Assert.Equal("EMPLOYER", jkk.GetProperty("payer").GetString());
        Assert.Equal(0.54m, jkk.GetProperty("rate").GetDecimal());
        Assert.Equal(4_000_000, jkk.GetProperty("base").GetInt64());
        Assert.Equal(21_600, jkk.GetProperty("amount").GetInt64());
        var notes = lines.Where(l => l.GetProperty("note").GetBoolean()).Select(l => l.GetProperty("amount").GetInt64());
        Assert.Equal([8_800L, 5_600L], notes);

        var cap = root.GetProperty("legal_basis").EnumerateArray().Single(b => b.GetProperty("parameter").GetString() == "pu.jp.wage_cap");
        Assert.Equal(11_086_300, cap.GetProperty("value").GetInt64());
        Assert.Equal("2026-03", cap.GetProperty("valid_from").GetString());
        Assert.Equal("2027-02", cap.GetProperty("valid_to").GetString());
        Assert.Equal("CONFIRMED", cap.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("2025-05", "--jht", 81_800)] // before PP 50/2025
    [InlineData("2025-05", null, 31_800)]
    [InlineData("2026-06", "--jht", 65_900)] // inside the Apr–Dec 2026 window for other sectors
    [InlineData("2026-06", null, 15_900)]
    public async Task Worked_example_B(string month, string? jht, long total)
    {
        string[] args = ["--segment", "BPU", "--month", month, "--income", "2500000", .. jht is null ? Array.Empty<string>() : [jht]];
        var (code, json, _) = await Run(args);

        Assert.Equal(0, code);
        Assert.Equal(total, json!.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Worked_example_B_sponsored_by_APBD_gets_no_discount()
    {
        var (_, json, _) = await Run("--segment", "BPU", "--month", "2026-06", "--income", "2500000", "--jht", "--paid-by-budget");
        Assert.Equal(81_800, json!.RootElement.GetProperty("total").GetInt64());
        Assert.True(json.RootElement.GetProperty("input").GetProperty("paid_by_budget").GetBoolean());
    }

    [Fact]
    public async Task Worked_example_C_contract_value_is_for_the_whole_project()
    {
        var (_, json, _) = await Run("--segment", "JAKON", "--month", "2026-05", "--contract-value", "750000000");
        Assert.Equal(1_375_000, json!.RootElement.GetProperty("total").GetInt64());
        Assert.Equal("PROJECT", json.RootElement.GetProperty("period").GetString());
    }

    [Fact]
    public async Task Worked_example_C_wage_method_prints_per_month_and_project_totals()
    {
        var (_, json, _) = await Run("--segment", "JAKON", "--month", "2026-05", "--wages", "3000000", "--workers", "30", "--months", "8");
        var root = json!.RootElement;
        Assert.Equal("MONTH", root.GetProperty("period").GetString());
        Assert.Equal(1_836_000, root.GetProperty("total").GetInt64());
        Assert.Equal(8, root.GetProperty("project_months").GetInt32());
        Assert.Equal(14_688_000, root.GetProperty("project_total").GetInt64());
    }

    [Theory]
    [InlineData("24", null, 370_000)]
    [InlineData("30", null, 451_000)]
    [InlineData("12", null, 226_500)]
    [InlineData("24", "100000", 2_770_000)]
    public async Task Worked_example_D(string months, string? jhtAmount, long total)
    {
        string[] args = ["--segment", "PMI", "--month", "2026-05", "--contract-months", months, "--placement-agency",
            .. jhtAmount is null ? Array.Empty<string>() : ["--jht-amount", jhtAmount]];
        var (_, json, _) = await Run(args);
        Assert.Equal(total, json!.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_overlay_in_the_data_folder_adds_next_years_JP_cap()
    {
        string[] args = ["--segment", "PU", "--month", "2027-03", "--wage", "20000000", "--risk-group", "1", "--programs", "JP"];
        var (before, _, error) = await Run(args);
        Assert.Equal(2, before);
        Assert.Contains("No JP wage cap in force for 2027-03 (pu.jp.wage_cap)", error, StringComparison.Ordinal);

        WriteOverlay("2027.json", """
            { "format": 1, "version": "admin-2027", "parameters": [
              { "id": "pu.jp.wage_cap", "valid_from": "2027-03", "valid_to": "2028-02", "unit": "rupiah",
                "value": 11650000, "legal_basis": "BPJS TK letter (test)", "status": "SINGLE" } ] }
            """);
        var (after, json, _) = await Run(args);

        Assert.Equal(0, after);
        var root = json!.RootElement;
        Assert.Equal(233_000, root.GetProperty("employer_total").GetInt64());
        Assert.Equal(116_500, root.GetProperty("worker_total").GetInt64());
        var cap = root.GetProperty("legal_basis").EnumerateArray().Single(b => b.GetProperty("parameter").GetString() == "pu.jp.wage_cap");
        Assert.Equal("overlay 2027.json (version admin-2027)", cap.GetProperty("source").GetString());
    }

    [Fact]
    public async Task An_overlay_with_overlapping_rows_is_rejected_with_exit_2()
    {
        WriteOverlay("bad.json", """
            { "format": 1, "parameters": [
              { "id": "bpu.jkm", "valid_from": "2027-01", "unit": "rupiah", "value": 7000, "legal_basis": "x", "status": "SINGLE" },
              { "id": "bpu.jkm", "valid_from": "2027-06", "unit": "rupiah", "value": 7100, "legal_basis": "x", "status": "SINGLE" } ] }
            """);
        var (code, _, error) = await Run("--segment", "BPU", "--month", "2026-05", "--income", "2500000");

        Assert.Equal(2, code);
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
        Assert.Contains("overlapping", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing data", "No PU JKK rate, risk group 1 in force for 2014-01", "--segment", "PU", "--month", "2014-01", "--wage", "4000000", "--risk-group", "1", "--programs", "JKK")]
    [InlineData("negative wage", "Wage must be greater than 0", "--segment", "PU", "--month", "2026-05", "--wage", "-5", "--risk-group", "1", "--programs", "JKK")]
    [InlineData("risk group", "Risk group must be 1 to 5", "--segment", "PU", "--month", "2026-05", "--wage", "4000000", "--risk-group", "6", "--programs", "JKK")]
    [InlineData("no program choice", "needs --programs", "--segment", "PU", "--month", "2026-05", "--wage", "4000000", "--risk-group", "1")]
    [InlineData("both program choices", "not both", "--segment", "PU", "--month", "2026-05", "--wage", "4000000", "--risk-group", "1", "--programs", "JKK", "--business-size", "micro")]
    [InlineData("unknown program", "unknown program 'JKN'", "--segment", "PU", "--month", "2026-05", "--wage", "4000000", "--risk-group", "1", "--programs", "JKK,JKN")]
    [InlineData("unknown size", "--business-size must be", "--segment", "PU", "--month", "2026-05", "--wage", "4000000", "--risk-group", "1", "--business-size", "huge")]
    [InlineData("numeric size", "--business-size must be", "--segment", "PU", "--month", "2026-05", "--wage", "4000000", "--risk-group", "1", "--business-size", "1")]
    [InlineData("missing wage", "Segment PU needs --wage", "--segment", "PU", "--month", "2026-05", "--risk-group", "1", "--programs", "JKK")]
    [InlineData("unknown segment", "--segment must be PU, BPU, JAKON or PMI", "--segment", "ASN", "--month", "2026-05")]
    [InlineData("bad month", "--month must be YYYY-MM", "--segment", "BPU", "--month", "May 2026", "--income", "2500000")]
    [InlineData("income below minimum", "below the BPU minimum", "--segment", "BPU", "--month", "2026-05", "--income", "999999")]
    [InlineData("missing income", "Segment BPU needs --income", "--segment", "BPU", "--month", "2026-05")]
    [InlineData("bad sector", "--sector must be transport|other", "--segment", "BPU", "--month", "2026-05", "--income", "2500000", "--sector", "farming")]
    [InlineData("option of another segment", "--wage does not apply to segment BPU", "--segment", "BPU", "--month", "2026-05", "--income", "2500000", "--wage", "1")]
    [InlineData("jakon without method", "Segment JAKON needs --contract-value", "--segment", "JAKON", "--month", "2026-05")]
    [InlineData("jakon both methods", "not both", "--segment", "JAKON", "--month", "2026-05", "--contract-value", "1", "--wages", "1")]
    [InlineData("jakon incomplete wage method", "Segment JAKON needs --workers", "--segment", "JAKON", "--month", "2026-05", "--wages", "3000000", "--months", "2")]
    [InlineData("contract months < 1", "Contract months must be greater than 0", "--segment", "PMI", "--month", "2026-05", "--contract-months", "0")]
    [InlineData("jht amount not in set", "is not one of the allowed amounts", "--segment", "PMI", "--month", "2026-05", "--contract-months", "24", "--jht-amount", "150000")]
    [InlineData("not a number", "--wage", "--segment", "PU", "--month", "2026-05", "--wage", "lots", "--risk-group", "1", "--programs", "JKK")]
    public async Task Bad_input_exits_2_with_one_line_on_stderr(string why, string expected, params string[] args)
    {
        var (code, _, error) = await Run(args);

        Assert.True(code == 2, $"{why}: exit code {code}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    private void WriteOverlay(string name, string json)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_data.Path, "rates"));
        File.WriteAllText(Path.Combine(folder.FullName, name), json);
    }

    private async Task<(int Code, JsonDocument? Json, string Error)> Run(params string[] args)
    {
        var run = await CliRun.ExecuteAsync(["contribution", .. args, "--data", _data.Path]);
        var json = run.ExitCode == 0 ? JsonDocument.Parse(run.Out) : null;
        return (run.ExitCode, json, run.Error);
    }
}
