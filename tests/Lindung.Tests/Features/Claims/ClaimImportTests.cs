using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Claims;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Claims;

/// <summary>
/// A branch's claims extract on both databases: read by header alias, every row checked by the rules
/// of a claim entered by hand (coverage on the event day and the liability decided the same way),
/// merged by the branch's claim number (the same file twice changes nothing, a later extract moves
/// the claim on), refused rows named by row, column and code with nothing stored, and the caller's
/// scope holding row by row.
/// </summary>
public sealed class ClaimImportTests
{
    private const string Header = "No Klaim,NIK,KPJ,Jenis Klaim,Meninggal,Tgl Kejadian,Tgl Pengajuan,Tgl Dokumen Lengkap,Status,Tgl Bayar,Nominal Bayar";

    private const string RinaNik = "3577015505900003";

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_branch_extract_records_claims_with_coverage_and_a_later_extract_moves_them_on(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        await AddUncoveredRinaAsync(world);
        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        // WorkerB's row names the member by KPJ only (the fixture's 12345678902).
        var file = Csv(
            $"KLM/001,{world.WorkerA.Nik},,JKK,Tidak,10/11/2026,11/11/2026,12/11/2026,Dokumen Lengkap,,",
            $"KLM/002,{RinaNik},,Jaminan Kecelakaan Kerja,Ya,2026-11-01,2026-11-02,,Diajukan,,",
            "KLM/003,,12345678902,JKM,,2026-10-05,2026-10-06,2026-10-08,Dibayar,2026-10-20,\"Rp 42.000.000\"");

        var first = await ImportAsync(branch, file, HttpStatusCode.OK);
        Assert.Equal((3, 0, 3, 0, 0, true), Counts(first));

        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var claims = await db.Claims.Where(c => c.ClaimNumber != null).ToDictionaryAsync(c => c.ClaimNumber!);
            Assert.Equal((world.WorkerA.Id, true, ClaimStatus.Complete, (long?)null), (claims["KLM/001"].WorkerId, claims["KLM/001"].CoveredOnEvent, claims["KLM/001"].Status, claims["KLM/001"].Liability));

            // Rina had no membership: her fatal accident is 48 × Rp3,000,000 + 12 jt + 10 jt on agency A, as when entered by hand.
            var rina = claims["KLM/002"];
            Assert.Equal((false, true, 166_000_000L, world.AgencyA.Id, ClaimStatus.Submitted), (rina.CoveredOnEvent, rina.Death, rina.Liability!.Value, rina.AgencyId!.Value, rina.Status));
            var paid = claims["KLM/003"];
            Assert.Equal((world.WorkerB.Id, ClaimKind.Jkm, true, ClaimStatus.Paid, new DateOnly(2026, 10, 20), 42_000_000L), (paid.WorkerId, paid.Kind, paid.Death, paid.Status, paid.PaidOn!.Value, paid.PaidAmount!.Value));

            // Every claim is an audit event under the branch officer who imported it.
            var ids = claims.Values.Select(c => c.Id.ToString()).ToList();
            var audits = await db.AuditEvents.Where(a => a.EntityType == nameof(BenefitClaim) && a.Action == AuditAction.Create && ids.Contains(a.EntityKey)).ToListAsync();
            Assert.Equal(3, audits.Count);
            Assert.All(audits, a => Assert.StartsWith(LindungRoles.BranchOfficer.ToLowerInvariant(), a.Actor, StringComparison.OrdinalIgnoreCase));
        }

        var again = await ImportAsync(branch, file, HttpStatusCode.OK);
        Assert.Equal((3, 0, 0, 0, 3, false), Counts(again));

        // The next extract: KLM/001 is paid, nothing else moved.
        var later = file.Replace("12/11/2026,Dokumen Lengkap,,", "12/11/2026,Dibayar,20/11/2026,5.000.000", StringComparison.Ordinal);
        var third = await ImportAsync(branch, later, HttpStatusCode.OK);
        Assert.Equal((3, 0, 0, 1, 2, true), Counts(third));
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var moved = await db.Claims.SingleAsync(c => c.ClaimNumber == "KLM/001");
            Assert.Equal((ClaimStatus.Paid, new DateOnly(2026, 11, 20), 5_000_000L), (moved.Status, moved.PaidOn!.Value, moved.PaidAmount!.Value));
            Assert.Equal(3, await db.Claims.CountAsync(c => c.ClaimNumber != null));
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.EntityType == nameof(BenefitClaim) && a.Action == AuditAction.Update && a.EntityKey == moved.Id.ToString()));
        }

        // A paid claim does not go back: an older extract is refused by name, as the form would refuse it.
        var backwards = await ImportAsync(branch, file, (HttpStatusCode)422);
        var issue = Assert.Single(backwards.GetProperty("issues").EnumerateArray());
        Assert.Equal((2, "status", "CLAIM_STATUS_BACKWARDS"), Issue(issue));
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Bad_rows_are_named_by_row_column_and_code_and_nothing_is_stored_unless_valid_rows_only(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var nik = world.WorkerA.Nik;
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "klaim.csv");
        await File.WriteAllTextAsync(path, Csv(
            $"KLM/B/001,{nik},,JKK,,2026-11-10,2026-11-11,2026-11-12,Lengkap,,",
            $"KLM/B/002,{nik},,JKX,,2026-11-10,,,Dilaporkan,,",
            $"KLM/B/003,{nik},,JKK,,2026-11-10,2026-11-09,,Diajukan,,",
            $"KLM/B/001,{nik},,JKK,,2026-11-10,,,Dilaporkan,,",
            "KLM/B/004,3577010101900009,,JKK,,2026-11-10,,,Dilaporkan,,",
            $"KLM/B/005,{nik},,JKK,,2026-11-10,2026-11-11,2026-11-12,Dibayar,2026-11-20,",
            $"KLM/B/006,{nik},,JKK,,31/31/2026,,,Dilaporkan,,"));
        var before = await ClaimCountAsync(world);

        var run = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "claims", "import", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rows read 7, invalid 6", run.Out, StringComparison.Ordinal);
        Assert.Contains("Not committed: new 1, changed 0, unchanged 0.", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 3, jenis_klaim, CLAIM_KIND_INVALID", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 4, tanggal_pengajuan, CLAIM_DATES_ORDER", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 5, nomor_klaim, CLAIM_NUMBER_REPEATED", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 6, nik, CLAIM_WORKER_NOT_FOUND", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 7, status, CLAIM_STATUS_INVALID", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 8, tanggal_kejadian, DATE_INVALID", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await ClaimCountAsync(world));

        // The row report in the file's own words: its header cells, the claim number and NIK as written, both languages.
        var report = run.OutLines.Single(l => l.StartsWith("Report: ", StringComparison.Ordinal))["Report: ".Length..];
        var lines = await File.ReadAllLinesAsync(report);
        Assert.Equal("baris,kolom,nomor_klaim,nik,kode,pesan,message", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(
            $"3,Jenis Klaim,KLM/B/002,{nik},CLAIM_KIND_INVALID,\"Jenis klaim harus jkk, jkm, jht atau jp.\",\"The claim kind must be jkk, jkm, jht or jp.\"",
            lines[1]);
        Assert.StartsWith("6,NIK,KLM/B/004,3577010101900009,CLAIM_WORKER_NOT_FOUND,Pekerja dengan NIK ini tidak ada", lines[4], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);

        var valid = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "claims", "import", path, "--valid-only"]);
        Assert.Equal(1, valid.ExitCode);
        Assert.Contains("Committed: new 1, changed 0, unchanged 0.", valid.Out, StringComparison.Ordinal);
        Assert.Equal(before + 1, await ClaimCountAsync(world));
        await using var scope = world.App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Claims.SingleAsync(c => c.ClaimNumber == "KLM/B/001");
        Assert.Equal((ClaimStatus.Complete, true, "system"), (stored.Status, stored.CoveredOnEvent, stored.RecordedBy));

        var missing = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "claims", "import", WriteFile(dir, "kosong.csv", "No Klaim,NIK\nKLM/1,1\n")]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("columns_missing", missing.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_agency_imports_its_own_staffs_claims_only_and_a_branch_only_its_regions(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            // Agency B's claim in 35.77 already carries the branch's number KLM/S/9.
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            (await db.Claims.SingleAsync(c => c.Id == world.ClaimIn.Id)).ClaimNumber = "KLM/S/9";
            await db.SaveChangesAsync();
        }

        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "klaim.xlsx");
        using (var book = Lindung.Features.Spreadsheets.XlsxWriter.Create(path))
        {
            var sheet = book.AddSheet("Klaim", [.. "Nomor Klaim,NIK,Program,Tanggal Kejadian,Status Klaim".Split(',').Select(h => new Lindung.Features.Spreadsheets.XlsxColumn(h))]);
            // 46336 is Excel's serial day for 2026-11-10.
            sheet.WriteRow("KLM/S/1", world.WorkerA.Nik, "JKK", "46336", "Dilaporkan");
            sheet.WriteRow("KLM/S/2", world.WorkerB.Nik, "JKK", "46336", "Dilaporkan");
            sheet.WriteRow("KLM/S/3", world.WorkerC.Nik, "JKK", "46336", "Dilaporkan");
            sheet.WriteRow("KLM/S/9", world.WorkerA.Nik, "JKK", "46336", "Dilaporkan");
        }

        var bytes = await File.ReadAllBytesAsync(path);
        using var agency = await world.ClientAsync(LindungRoles.AgencyOperator);
        var refused = await ImportAsync(agency, bytes, "klaim.xlsx", (HttpStatusCode)422);
        Assert.Equal((4, 3, 1, 0, 0, false), Counts(refused));
        Assert.Equal(
            [(3, "nik", "CLAIM_WORKER_NOT_FOUND"), (4, "nik", "CLAIM_WORKER_NOT_FOUND"), (5, "nomor_klaim", "CLAIM_NUMBER_TAKEN")],
            refused.GetProperty("issues").EnumerateArray().Select(Issue));

        var valid = await ImportAsync(agency, bytes, "klaim.xlsx", HttpStatusCode.OK, ("valid_only", "true"));
        Assert.Equal((4, 3, 1, 0, 0, true), Counts(valid));
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var own = await db.Claims.SingleAsync(c => c.ClaimNumber == "KLM/S/1");
            Assert.Equal((world.WorkerA.Id, world.AgencyA.Id, new DateOnly(2026, 11, 10)), (own.WorkerId, own.AgencyId!.Value, own.EventDate));
            Assert.False(await db.Claims.AnyAsync(c => c.ClaimNumber == "KLM/S/2" || c.ClaimNumber == "KLM/S/3"));
        }

        // The branch of 35.77 takes agency B's worker, not the worker of 35.19, and finds KLM/S/9 on another worker's claim.
        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        var byBranch = await ImportAsync(branch, bytes, "klaim.xlsx", (HttpStatusCode)422);
        Assert.Equal((4, 2, 1, 0, 1, false), Counts(byBranch));
        Assert.Equal(
            [(4, "nik", "CLAIM_WORKER_NOT_FOUND"), (5, "nomor_klaim", "CLAIM_NUMBER_OTHER_CLAIM")],
            byBranch.GetProperty("issues").EnumerateArray().Select(Issue));

        // The leader reads claims but does not import them.
        using var leader = await world.ClientAsync(LindungRoles.Leader);
        using var form = Upload(bytes, "klaim.xlsx");
        using var response = await leader.PostAsync(new Uri("/api/v1/claims/imports", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task AddUncoveredRinaAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var rina = new Worker { Nik = RinaNik, Name = "Rina Lestari", RegionCode = "35.77.01.1001" };
        db.Workers.Add(rina);
        db.Employments.Add(new Employment
        {
            WorkerId = rina.Id,
            AgencyId = world.AgencyA.Id,
            Category = WorkerCategory.Honorer,
            MonthlyWage = 3_000_000,
            FundingSource = FundingSource.Apbd,
            ValidFrom = new DateOnly(2025, 1, 1),
            RegionCode = world.AgencyA.RegionCode,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<int> ClaimCountAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Claims.CountAsync();
    }

    private static string WriteFile(TempDirectory dir, string name, string text)
    {
        var path = Path.Combine(dir.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static (int Row, string Column, string Code) Issue(JsonElement i) =>
        (i.GetProperty("row").GetInt32(), i.GetProperty("column").GetString()!, i.GetProperty("code").GetString()!);

    private static (int Rows, int Invalid, int New, int Changed, int Unchanged, bool Committed) Counts(JsonElement r) => (
        r.GetProperty("rows_read").GetInt32(), r.GetProperty("rows_invalid").GetInt32(), r.GetProperty("new").GetInt32(),
        r.GetProperty("changed").GetInt32(), r.GetProperty("unchanged").GetInt32(), r.GetProperty("committed").GetBoolean());

    private static MultipartFormDataContent Upload(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static Task<JsonElement> ImportAsync(HttpClient client, string csv, HttpStatusCode expected) =>
        ImportAsync(client, Encoding.UTF8.GetBytes(csv), "klaim.csv", expected);

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] content, string fileName, HttpStatusCode expected, params (string Name, string Value)[] fields)
    {
        using var form = Upload(content, fileName, fields);
        using var response = await client.PostAsync(new Uri("/api/v1/claims/imports", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
