using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lindung.Data;
using Lindung.Features.Procurement;
using Lindung.Security;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Procurement;

/// <summary>
/// Contract files on both databases: read by header alias, checked by the contract rules, merged
/// by number (a second import of the same file changes nothing), refused rows named by row, column
/// and code in the row report with nothing stored; and the value at risk they add up to.
/// </summary>
public sealed class ContractImportTests
{
    private const string Header = "No. SPK,NPP Penyedia,Jenis Pengadaan,Nilai Kontrak,Tgl Mulai,Tgl Selesai,Kode Desa,Termin,PPK";

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Api_import_adds_the_contracts_and_the_same_file_again_changes_nothing(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var officer = await world.ClientAsync(LindungRoles.ProcurementOfficer);
        var npp = world.EmployerIn.Npp!;
        var file = Csv(
            $"SPK/IMP/001,{npp},Pekerjaan Konstruksi,\"Rp 1.250.000.000\",01/03/2026,30/11/2026,35.77.01.1001,30%; 70%,Ir. Bambang",
            $"SPK/IMP/002,{npp},Jasa Lainnya,240000000,2026-01-01,2026-12-31,35.77.01.1001,,",
            $"SPK/IMP/003,{npp},BARANG,100.000.000,2026-02-01,2026-02-28,35.77.01.1001,,");

        var first = await ImportAsync(officer, file, HttpStatusCode.OK);
        Assert.Equal((3, 0, 3, 0, 0, true), Counts(first));
        Assert.Equal(world.AgencyA.Code, first.GetProperty("agency_code").GetString());

        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var construction = await db.Contracts.Include(c => c.Stages).SingleAsync(c => c.Number == "SPK/IMP/001");
            Assert.Equal((world.AgencyA.Id, 1_250_000_000L, Lindung.Domain.Procurement.ContractKind.Konstruksi, "Ir. Bambang"), (construction.AgencyId, construction.Value, construction.Kind, construction.CommitmentOfficer));
            Assert.Equal([375_000_000L, 875_000_000L], construction.Stages.OrderBy(s => s.Number).Select(s => s.Amount));
            Assert.Equal(new DateOnly(2026, 11, 30), construction.EndDate);
        }

        var again = await ImportAsync(officer, file, HttpStatusCode.OK);
        Assert.Equal((3, 0, 0, 0, 3, false), Counts(again));

        // One value changed: one contract updated in place, the others unchanged, still no duplicates.
        var edited = file.Replace("240000000", "260000000", StringComparison.Ordinal);
        var third = await ImportAsync(officer, edited, HttpStatusCode.OK);
        Assert.Equal((3, 0, 0, 1, 2, true), Counts(third));
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            Assert.Equal(3, await db.Contracts.CountAsync(c => c.Number.StartsWith("SPK/IMP/")));
            Assert.Equal(260_000_000, await db.Contracts.Where(c => c.Number == "SPK/IMP/002").Select(c => c.Value).SingleAsync());
        }
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Bad_rows_are_named_by_row_column_and_code_and_nothing_is_stored(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var npp = world.EmployerIn.Npp!;
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "kontrak.csv");
        await File.WriteAllTextAsync(path, Csv(
            $"SPK/BAD/001,{npp},KONSTRUKSI,500000000,2026-03-01,2026-09-30,35.77.01.1001,,",
            $"SPK/BAD/002,{npp},KONSTRUKSI,-5000000,2026-03-01,2026-09-30,35.77.01.1001,,",
            $"SPK/BAD/003,{npp},JASA_LAINNYA,100000000,2026-09-30,2026-03-01,35.77.01.1001,,",
            $"SPK/BAD/001,{npp},BARANG,100000000,2026-03-01,2026-09-30,35.77.01.1001,,",
            "SPK/BAD/004,99999999,BARANG,100000000,2026-03-01,2026-09-30,35.77.01.1001,,"));
        var before = await ContractCountAsync(world);

        var run = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "contracts", "import", path, "--agency", world.AgencyA.Code.ToLowerInvariant()]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rows read 5, invalid 4", run.Out, StringComparison.Ordinal);
        Assert.Contains("Not committed: new 1, changed 0, unchanged 0.", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 3, nilai, CONTRACT_VALUE_NOT_POSITIVE", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 4, tanggal_selesai, END_BEFORE_START", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 5, nomor_kontrak, CONTRACT_NUMBER_REPEATED", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 6, penyedia, CONTRACTOR_UNKNOWN", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await ContractCountAsync(world));

        // The row report in the file's own words: its header cells, the contract's number and contractor as written.
        var report = run.OutLines.Single(l => l.StartsWith("Report: ", StringComparison.Ordinal))["Report: ".Length..];
        var lines = await File.ReadAllLinesAsync(report);
        Assert.Equal("baris,kolom,nomor_kontrak,penyedia,kode,pesan,message", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(
            "3,Nilai Kontrak,SPK/BAD/002,12345678,CONTRACT_VALUE_NOT_POSITIVE,Nilai kontrak harus lebih dari nol.,The contract value must be more than zero.",
            lines[1]);
        Assert.StartsWith("4,Tgl Selesai,SPK/BAD/003,12345678,END_BEFORE_START,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("5,No. SPK,SPK/BAD/001,12345678,CONTRACT_NUMBER_REPEATED,Nomor kontrak ini sudah ada di baris 2", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("6,NPP Penyedia,SPK/BAD/004,99999999,CONTRACTOR_UNKNOWN,", lines[4], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);

        // The sheet back: the file's header, every bad row as it was, and a Keterangan column.
        var sheet = ReadSheet(Path.ChangeExtension(report, ".xlsx"));
        Assert.Equal([.. Header.Split(','), "Keterangan"], sheet[0]);
        Assert.Equal("SPK/BAD/002", sheet[1][0]);
        Assert.Equal("Baris 3: Nilai Kontrak — Nilai kontrak harus lebih dari nol.", sheet[1][^1]);
        Assert.Equal(5, sheet.Count);

        // With --valid-only the valid row goes in, the rest are still reported.
        var valid = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "contracts", "import", path, "--agency", world.AgencyA.Code, "--region", ApiWorld.Region, "--valid-only"]);
        Assert.Contains("Committed: new 1, changed 0, unchanged 0.", valid.Out, StringComparison.Ordinal);
        Assert.Equal(before + 1, await ContractCountAsync(world));
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_xlsx_workbook_imports_with_numbers_and_dates_as_excel_keeps_them(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "kontrak.xlsx");
        using (var book = Lindung.Features.Spreadsheets.XlsxWriter.Create(path))
        {
            var sheet = book.AddSheet("Kontrak", [.. "Nomor Kontrak,Penyedia,Jenis,Nilai,Tanggal Mulai,Tanggal Selesai,Kode Lokasi".Split(',').Select(h => new Lindung.Features.Spreadsheets.XlsxColumn(h))]);
            // 46082 and 46326 are Excel's serial days for 2026-03-01 and 2026-10-31.
            sheet.WriteRow("SPK/XLSX/1", world.EmployerIn.Npp, "Jasa Lainnya", "360000000", "46082", "46326", "35.77.01.1001");
        }

        var run = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "contracts", "import", path, "--agency", world.AgencyA.Code]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Committed: new 1, changed 0, unchanged 0.", run.Out, StringComparison.Ordinal);
        await using var scope = world.App.Services.CreateAsyncScope();
        var contract = await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Contracts.SingleAsync(c => c.Number == "SPK/XLSX/1");
        Assert.Equal((360_000_000L, new DateOnly(2026, 3, 1), new DateOnly(2026, 10, 31)), (contract.Value, contract.StartDate, contract.EndDate));
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_file_without_a_required_column_or_for_another_agency_is_refused_whole(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var officer = await world.ClientAsync(LindungRoles.ProcurementOfficer);
        var missing = await ImportAsync(officer, "Nomor Kontrak,Penyedia\nSPK/1,12345678\n", HttpStatusCode.BadRequest);
        Assert.Equal("columns_missing", missing.GetProperty("codes").GetProperty("file").GetString());

        // A commitment officer imports for its own agency only.
        var other = await ImportAsync(officer, Csv($"SPK/X/1,{world.EmployerIn.Npp},BARANG,1000000,2026-01-01,2026-01-31,35.77.01.1001,,"), HttpStatusCode.BadRequest, ("agency", world.AgencyB.Code));
        Assert.Equal("AGENCY_UNKNOWN", other.GetProperty("codes").GetProperty("agency_id").GetString());

        var run = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "contracts", "import", "/nonexistent/kontrak.csv", "--agency", "OPD-A"]);
        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Value_at_risk_sums_the_unprotected_contracts_per_agency_and_region(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var npp = world.EmployerIn.Npp!;

        // The fixture's construction contract in agency A (Rp750,000,000, no Jakon) plus construction,
        // cleaning without workers, and goods (never at risk).
        await ImportAsync(admin, Csv(
            $"SPK/R/1,{npp},KONSTRUKSI,1250000000,2026-03-01,2026-11-30,35.77.01.1001,,",
            $"SPK/R/2,{npp},JASA_LAINNYA,240000000,2026-01-01,2026-12-31,35.77.01.1001,,",
            $"SPK/R/3,{npp},BARANG,100000000,2026-02-01,2026-02-28,35.77.01.1001,,"), HttpStatusCode.OK, ("agency", world.AgencyA.Code), ("region", ApiWorld.Region));

        var summary = await RiskAsync(world, LindungRoles.RegionalAdmin);
        var a = Assert.Single(summary.Agencies);
        Assert.Equal((world.AgencyA.Id, 4, 3, 2_240_000_000L), (a.AgencyId, a.Contracts, a.Unprotected, a.ValueAtRisk));
        Assert.Equal(["SPK/R/1", world.ContractIn.Number, "SPK/R/2"], a.UnprotectedContracts.Select(c => c.Number));
        var region = Assert.Single(summary.Regions);
        Assert.Equal((ApiWorld.Region, 4, 3, 2_240_000_000L), (region.Key, region.Contracts, region.Unprotected, region.ValueAtRisk));

        // Jakon registered and paid in full protects the fixture's contract (Rp1,375,000 due).
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var contract = await db.Contracts.SingleAsync(c => c.Id == world.ContractIn.Id);
            contract.JakonRegistrationNumber = "JK-1";
            contract.JakonPaid = 1_375_000;
            contract.JakonPaidOn = new DateOnly(2026, 3, 5);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1_490_000_000L, (await RiskAsync(world, LindungRoles.RegionalAdmin)).ValueAtRisk);

        // The agency page and the dashboard show it; the agency operator of A sees its own.
        var page = await admin.GetStringAsync(new Uri($"/agencies/{world.AgencyA.Id}", UriKind.Relative));
        Assert.Contains("data-value-at-risk=\"1490000000\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/contracts/", page, StringComparison.Ordinal);
        var dashboard = await admin.GetStringAsync(new Uri($"/dashboard?region={ApiWorld.Region}", UriKind.Relative));
        Assert.Contains("id=\"risk-agencies\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("data-value-at-risk=\"1490000000\"", dashboard, StringComparison.Ordinal);
        using var operatorClient = await world.ClientAsync(LindungRoles.AgencyOperator);
        var own = await operatorClient.GetStringAsync(new Uri($"/agencies/{world.AgencyA.Id}", UriKind.Relative));
        Assert.Contains("data-value-at-risk=\"1490000000\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/contracts/", own, StringComparison.Ordinal);
        Assert.Equal(1_490_000_000L, (await RiskAsync(world, LindungRoles.AgencyOperator, world.AgencyA.Id)).ValueAtRisk);
    }

    private static async Task<ContractRiskSummary> RiskAsync(ApiWorld world, string role, Guid? agency = null)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var use = scope.ServiceProvider.GetRequiredService<ContractsAtRisk>();
        var access = new AccessScope(new HashSet<string> { role }, [ApiWorld.Region], agency, "test");
        var result = await use.HandleAsync(access, null, ApiWorld.Region, CancellationToken.None);
        return result.Value;
    }

    private static async Task<int> ContractCountAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Contracts.CountAsync();
    }

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static (int Rows, int Invalid, int New, int Changed, int Unchanged, bool Committed) Counts(JsonElement r) => (
        r.GetProperty("rows_read").GetInt32(), r.GetProperty("rows_invalid").GetInt32(), r.GetProperty("new").GetInt32(),
        r.GetProperty("changed").GetInt32(), r.GetProperty("unchanged").GetInt32(), r.GetProperty("committed").GetBoolean());

    private static async Task<JsonElement> ImportAsync(HttpClient client, string csv, HttpStatusCode expected, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "kontrak.csv");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        using var response = await client.PostAsync(new Uri("/api/v1/contracts/import", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private static List<string[]> ReadSheet(string path)
    {
        using var book = Lindung.Features.Spreadsheets.XlsxReader.Open(path);
        var rows = new List<string[]> { book.Header.ToArray() };
        while (book.ReadRecord(out var fields))
        {
            rows.Add(fields);
        }

        return rows;
    }
}
