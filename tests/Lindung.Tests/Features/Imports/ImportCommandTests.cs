using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Cli;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Tests.Features.Imports;

/// <summary><c>lindung import roster|members</c> end to end, on SQLite and PostgreSQL.</summary>
public sealed class ImportCommandTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task All_or_nothing_with_an_invalid_row_exits_1_commits_nothing_and_reports_row_column_code(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var before = await database.FingerprintAsync();
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader,
            [ImportCsv.RosterLine(1), ImportCsv.RosterLine(2).Replace("2500000", "0", StringComparison.Ordinal), ImportCsv.RosterLine(3)]);
        var report = Path.Combine(database.Directory.Path, "out", "report.csv");

        var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", file, "--agency", ImportTestDatabase.AgencyCode, "--report", report]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Nothing committed", run.Out, StringComparison.Ordinal);
        Assert.Contains("WAGE_NOT_POSITIVE", run.Out, StringComparison.Ordinal);
        Assert.Contains(report, run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await database.FingerprintAsync());
        var lines = await File.ReadAllLinesAsync(report);
        Assert.Equal("baris,kolom,nik,nama,kode,pesan,message", lines[0].TrimStart('\uFEFF'));
        Assert.Equal($"3,upah,{ImportCsv.NikOf(2)},Pekerja 2,WAGE_NOT_POSITIVE,Upah harus lebih dari 0.,Wage must be more than 0.", lines[1]);
        Assert.Equal(2, lines.Length);
        Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(report))[..3]);

        // The user's own sheet back beside it: the header, the bad row as it was, and what to fix.
        var xlsx = Path.ChangeExtension(report, ".xlsx");
        Assert.Contains($"Report (XLSX): {xlsx}", run.Out, StringComparison.Ordinal);
        var rows = ReadSheet(xlsx);
        Assert.Equal([.. ImportCsv.RosterHeader.Split(','), "Keterangan"], rows[0]);
        Assert.Equal([.. ImportCsv.RosterLine(2).Replace("2500000", "0", StringComparison.Ordinal).Split(','), "Baris 3: upah — Upah harus lebih dari 0."], rows[1]);
        Assert.Equal(2, rows.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Valid_only_commits_the_valid_rows_and_reports_the_rest(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader,
            [ImportCsv.RosterLine(1), ImportCsv.RosterLine(2, category: "Astronot"), ImportCsv.RosterLine(3, agency: "RSUD"), ImportCsv.RosterLine(4, agency: ImportTestDatabase.UnitName)]);

        var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", file, "--agency", ImportTestDatabase.AgencyCode, "--valid-only"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("inserted 2, updated 0, unchanged 0, ended 0", run.Out, StringComparison.Ordinal);
        Assert.Contains("merging    [####################] 100.0%", run.Error, StringComparison.Ordinal);
        Assert.Contains("rows/s", run.Error, StringComparison.Ordinal);
        await using var db = database.NewContext();
        var niks = await db.Workers.Select(w => w.Nik).ToListAsync();
        Assert.Equal(new[] { ImportCsv.NikOf(1), ImportCsv.NikOf(4) }.Order(StringComparer.Ordinal), niks.Order(StringComparer.Ordinal));
        var unitJob = await db.Employments.SingleAsync(e => e.Worker!.Nik == ImportCsv.NikOf(4));
        Assert.Equal(database.UnitId, unitJob.AgencyId);
        Assert.Equal(ImportTestDatabase.Region, unitJob.RegionCode);
        var batch = await db.ImportBatches.SingleAsync();
        Assert.Equal((4, 2, 2, CommitMode.ValidRowsOnly), (batch.RowsRead, batch.RowsValid, batch.RowsInvalid, batch.Mode));
        var audit = await db.AuditEvents.Where(a => a.EntityType == nameof(ImportBatch)).SingleAsync();
        Assert.Contains("\"rows_valid\":2", audit.After, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.EntityType != nameof(Agency)));
        var report = run.OutLines.Single(l => l.StartsWith("Report: ", StringComparison.Ordinal))["Report: ".Length..];
        Assert.StartsWith(Path.Combine(database.Directory.Path, "imports"), report, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(report);
        Assert.StartsWith($"3,kategori,{ImportCsv.NikOf(2)},Pekerja 2,CATEGORY_UNKNOWN,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"4,instansi,{ImportCsv.NikOf(3)},Pekerja 3,AGENCY_MISMATCH,", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_same_file_twice_changes_nothing_the_second_time(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader, Enumerable.Range(1, 50).Select(i => ImportCsv.RosterLine(i)));
        string[] args = [.. database.GlobalArgs, "import", "roster", "--yes", file, "--agency", ImportTestDatabase.AgencyCode];

        var first = await CliRun.ExecuteAsync(args);
        var afterFirst = await database.FingerprintAsync();
        var second = await CliRun.ExecuteAsync(args);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("inserted 50, updated 0, unchanged 0, ended 0", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("inserted 0, updated 0, unchanged 50, ended 0", second.Out, StringComparison.Ordinal);
        var afterSecond = await database.FingerprintAsync();
        Assert.Equal(afterFirst[afterFirst.IndexOf("sha256", StringComparison.Ordinal)..], afterSecond[afterSecond.IndexOf("sha256", StringComparison.Ordinal)..]);
        await using var db = database.NewContext();
        Assert.Equal(50, await db.Workers.CountAsync());
        Assert.Equal(50, await db.Employments.CountAsync());
        Assert.Equal(2, await db.ImportBatches.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_newer_roster_versions_the_wage_and_ends_the_missing_worker(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var march = ImportCsv.Write(database.Directory.Path, "march.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(1), ImportCsv.RosterLine(2), ImportCsv.RosterLine(3)]);
        var june = ImportCsv.Write(database.Directory.Path, "june.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(1, wage: 3_000_000), ImportCsv.RosterLine(2), ImportCsv.RosterLine(4)]);

        var first = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", march, "--agency", ImportTestDatabase.AgencyCode, "--effective", "2026-03-01"]);
        var second = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", june, "--agency", ImportTestDatabase.AgencyCode, "--effective", "2026-06-01", "--mode", "replace", "--force"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("inserted 1, updated 1, unchanged 1, ended 1", second.Out, StringComparison.Ordinal);
        await using var db = database.NewContext();
        var worker1 = await db.Workers.SingleAsync(w => w.Nik == ImportCsv.NikOf(1));
        var inApril = await db.Employments.ValidOn(new DateOnly(2026, 4, 15)).SingleAsync(e => e.WorkerId == worker1.Id);
        var inJuly = await db.Employments.ValidOn(new DateOnly(2026, 7, 1)).SingleAsync(e => e.WorkerId == worker1.Id);
        Assert.Equal((2_500_000L, new DateOnly(2026, 3, 1), (DateOnly?)new DateOnly(2026, 6, 1)), (inApril.MonthlyWage, inApril.ValidFrom, inApril.ValidTo));
        Assert.Equal((3_000_000L, new DateOnly(2026, 6, 1), (DateOnly?)null), (inJuly.MonthlyWage, inJuly.ValidFrom, inJuly.ValidTo));

        var worker3 = await db.Workers.SingleAsync(w => w.Nik == ImportCsv.NikOf(3));
        var job3 = await db.Employments.SingleAsync(e => e.WorkerId == worker3.Id);
        Assert.Equal(new DateOnly(2026, 6, 1), job3.ValidTo);
        Assert.Empty(await db.Employments.ValidOn(new DateOnly(2026, 7, 1)).Where(e => e.WorkerId == worker3.Id).ToListAsync());
        Assert.Single(await db.Employments.ValidOn(new DateOnly(2026, 7, 1)).Where(e => e.Worker!.Nik == ImportCsv.NikOf(4)).ToListAsync());
        Assert.Equal(4, await db.Workers.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_rejected_row_does_not_end_its_worker_in_valid_only_mode(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var march = ImportCsv.Write(database.Directory.Path, "march.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(1), ImportCsv.RosterLine(2)]);
        var june = ImportCsv.Write(database.Directory.Path, "june.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(1), ImportCsv.RosterLine(2, wage: -5)]);

        await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", march, "--agency", ImportTestDatabase.AgencyCode, "--effective", "2026-03-01"]);
        var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", june, "--agency", ImportTestDatabase.AgencyCode, "--effective", "2026-06-01", "--mode", "replace", "--force", "--valid-only"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ended 0", run.Out, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Employments.CountAsync(e => e.ValidTo == null));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_rejected_row_without_a_readable_nik_stops_all_ending(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var march = ImportCsv.Write(database.Directory.Path, "march.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(1), ImportCsv.RosterLine(2), ImportCsv.RosterLine(3)]);
        var june = ImportCsv.Write(database.Directory.Path, "june.csv", ImportCsv.RosterHeader,
            [ImportCsv.RosterLine(1), "3.57701E+15,Pekerja 2,01/01/1980,P,35.77.01,DISDIK,Honorer,2500000,Staf"]);

        await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", march, "--agency", ImportTestDatabase.AgencyCode, "--effective", "2026-03-01"]);
        var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", june, "--agency", ImportTestDatabase.AgencyCode, "--effective", "2026-06-01", "--mode", "replace", "--force", "--valid-only"]);

        // Row 3 may be worker 2 or 3: without its NIK nobody can be called missing.
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("NIK_SCIENTIFIC_NOTATION", run.Out, StringComparison.Ordinal);
        Assert.Contains("unchanged 1, ended 0", run.Out, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(3, await db.Employments.CountAsync(e => e.ValidTo == null));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Members_link_to_roster_workers_create_unknown_people_and_version_status_changes(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var roster = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(1), ImportCsv.RosterLine(2)]);
        var january = ImportCsv.Write(database.Directory.Path, "jan.csv", ImportCsv.MembersHeader,
            [ImportCsv.MemberLine(1, "10000000001"), ImportCsv.MemberLine(7, "10000000007")]);
        var april = ImportCsv.Write(database.Directory.Path, "apr.csv", ImportCsv.MembersHeader,
            [ImportCsv.MemberLine(1, "10000000001", status: "NONAKTIF", lastPaid: "2026-02"), ImportCsv.MemberLine(2, "10000000002")]);

        await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", roster, "--agency", ImportTestDatabase.AgencyCode, "--effective", "2026-01-01"]);
        var first = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "members", "--yes", january, "--effective", "2026-01-15"]);
        var again = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "members", "--yes", january, "--effective", "2026-02-15"]);
        var second = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "members", "--yes", april, "--effective", "2026-04-15"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("inserted 2, updated 0, unchanged 0, ended 0", first.Out, StringComparison.Ordinal);
        Assert.Contains("inserted 0, updated 0, unchanged 2, ended 0", again.Out, StringComparison.Ordinal);
        Assert.Contains("inserted 1, updated 1, unchanged 0, ended 0", second.Out, StringComparison.Ordinal);
        await using var db = database.NewContext();
        var worker1 = await db.Workers.SingleAsync(w => w.Nik == ImportCsv.NikOf(1));
        var versions = await db.Memberships.Where(m => m.Kpj == "10000000001").OrderBy(m => m.ValidFrom).ToListAsync();
        Assert.All(versions, v => Assert.Equal(worker1.Id, v.WorkerId));
        Assert.Equal([MembershipStatus.Active, MembershipStatus.Inactive], versions.Select(v => v.Status));
        Assert.Equal(new DateOnly(2026, 4, 15), versions[0].ValidTo);
        Assert.Equal(new DateOnly(2026, 2, 1), versions[1].LastPaidMonth);
        Assert.Single(await db.Memberships.CoveredOn(new DateOnly(2026, 3, 1)).Where(m => m.Kpj == "10000000001").ToListAsync());
        Assert.Empty(await db.Memberships.CoveredOn(new DateOnly(2026, 5, 1)).Where(m => m.Kpj == "10000000001").ToListAsync());
        // Not on any roster: the extract makes the person a worker, counted in the NIK's regency.
        var stranger = await db.Workers.SingleAsync(w => w.Nik == ImportCsv.NikOf(7));
        Assert.Equal("35.77", stranger.RegionCode);
        Assert.Equal("35.77", (await db.Memberships.SingleAsync(m => m.Kpj == "10000000007")).RegionCode);
        // Missing from the April extract, but extracts can be partial: still open.
        Assert.Null((await db.Memberships.SingleAsync(m => m.Kpj == "10000000007")).ValidTo);
        Assert.Equal(3, await db.Workers.CountAsync());
        Assert.Equal(3, await db.MembershipExtracts.CountAsync());
    }

    [Fact]
    public async Task A_missing_column_is_a_usage_error_naming_the_column_and_its_headers()
    {
        await using var database = await ImportTestDatabase.CreateAsync("sqlite");
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", "nik,nama,tanggal_lahir,jenis_kelamin,kode_wilayah,instansi,upah", ["1,2,3,4,5,6,7"]);

        var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", file, "--agency", ImportTestDatabase.AgencyCode]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'kategori'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Status Pegawai", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_column_override_reads_an_unknown_header()
    {
        await using var database = await ImportTestDatabase.CreateAsync("sqlite");
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader.Replace("kategori", "Golongan Honor", StringComparison.Ordinal), [ImportCsv.RosterLine(1)]);

        var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", file, "--agency", ImportTestDatabase.AgencyCode, "--column", "kategori=Golongan Honor"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("inserted 1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_agency_is_a_usage_error()
    {
        await using var database = await ImportTestDatabase.CreateAsync("sqlite");
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(1)]);

        var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", file, "--agency", "NOPE"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No agency with code 'NOPE'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_report_speaks_the_files_own_columns_and_its_sheet_back_imports_once_fixed(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        const string Header = "NIK,Nama,Tgl Lahir,JK,Kode Wilayah,OPD,Status Pegawai,Gaji";
        static string Line(string line) => string.Join(',', line.Split(',')[..8]);
        var file = ImportCsv.Write(database.Directory.Path, "rekap.csv", Header,
            [Line(ImportCsv.RosterLine(1)), Line(ImportCsv.RosterLine(2, wage: 0)), Line(ImportCsv.RosterLine(3)), Line(ImportCsv.RosterLine(4, wage: 0, category: "Astronot"))]);
        var report = Path.Combine(database.Directory.Path, "out", "report.csv");

        var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", file, "--agency", ImportTestDatabase.AgencyCode, "--report", report]);

        Assert.Equal(1, run.ExitCode);
        var lines = (await File.ReadAllLinesAsync(report)).Skip(1).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith($"3,Gaji,{ImportCsv.NikOf(2)},Pekerja 2,WAGE_NOT_POSITIVE,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"5,Status Pegawai,{ImportCsv.NikOf(4)},Pekerja 4,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"5,Gaji,{ImportCsv.NikOf(4)},Pekerja 4,WAGE_NOT_POSITIVE,", StringComparison.Ordinal));

        var sheet = ReadSheet(Path.ChangeExtension(report, ".xlsx"));
        Assert.Equal([.. Header.Split(','), "Keterangan"], sheet[0]);
        Assert.Equal(3, sheet.Count);
        Assert.Equal(Line(ImportCsv.RosterLine(4, wage: 0, category: "Astronot")).Split(','), sheet[2][..8]);
        Assert.StartsWith("Baris 5: ", sheet[2][8], StringComparison.Ordinal);
        Assert.Contains("Gaji — ", sheet[2][8], StringComparison.Ordinal);
        Assert.Contains("Status Pegawai — ", sheet[2][8], StringComparison.Ordinal);

        // The user corrects the two rows in the sheet it got back and uploads it as it is, Keterangan included.
        var fixedPath = Path.Combine(database.Directory.Path, "diperbaiki.xlsx");
        using (var book = Lindung.Features.Spreadsheets.XlsxWriter.Create(fixedPath))
        {
            var fixedSheet = book.AddSheet("Baris bermasalah", [.. sheet[0].Select(h => new Lindung.Features.Spreadsheets.XlsxColumn(h))]);
            foreach (var row in sheet.Skip(1))
            {
                row[6] = "Honorer";
                row[7] = "2500000";
                fixedSheet.WriteRow([.. row]);
            }
        }

        var again = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", fixedPath, "--agency", ImportTestDatabase.AgencyCode]);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("inserted 2, updated 0, unchanged 0, ended 0", again.Out, StringComparison.Ordinal);
    }

    private static List<string[]> ReadSheet(string path)
    {
        using var book = Lindung.Features.Spreadsheets.XlsxReader.Open(path);
        var rows = new List<string[]>();
        rows.Add([.. book.Header]);
        while (book.ReadRecord(out var fields))
        {
            rows.Add(fields);
        }

        return rows;
    }
}
