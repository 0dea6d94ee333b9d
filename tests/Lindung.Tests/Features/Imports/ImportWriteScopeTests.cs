using System.Globalization;
using System.Net;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Imports;
using Lindung.Security;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// Imports write only within their uploader's scope, on SQLite and PostgreSQL: a roster row naming
/// a registered worker the uploader may not see is a row error (WORKER_OUT_OF_SCOPE), never an
/// overwrite; new people are still created; the CLI, the installation's operator, updates anyone.
/// </summary>
public sealed class ImportWriteScopeTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    private const string Rsud = "RSUD";
    private static readonly DateOnly First = new(2026, 2, 1);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_operator_cannot_rewrite_another_agencys_worker_and_all_or_nothing_commits_nothing(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await EmployAtRsudAsync(database, 1);
        var before = await database.FingerprintAsync();

        var outcome = await RunAsync(database, OperatorOfDisdik(database), CommitMode.AllOrNothing, [ImportCsv.RosterLine(2), Renamed(1), ImportCsv.RosterLine(3)]);

        Assert.False(outcome.Committed);
        Assert.Equal((3, 2, 1), (outcome.RowsRead, outcome.RowsValid, outcome.RowsInvalid));
        var issue = Assert.Single(outcome.FirstIssues);
        Assert.Equal((3, "nik", "WORKER_OUT_OF_SCOPE"), (issue.Row, issue.Column, issue.Code));
        Assert.Contains("luar instansi atau wilayah", issue.MessageId, StringComparison.Ordinal);
        Assert.Contains("outside your agency or regions", issue.MessageEn, StringComparison.Ordinal);
        Assert.Equal(before, await database.FingerprintAsync());
        // A refusal found by the merge still names the row's NIK as the file wrote it.
        var reportText = await File.ReadAllTextAsync(outcome.ReportCsvPath!);
        Assert.Contains($"\r\n3,nik,{ImportCsv.NikOf(1)},", reportText, StringComparison.Ordinal);
        Assert.Contains(",WORKER_OUT_OF_SCOPE,", reportText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Valid_rows_only_commits_the_other_rows_and_leaves_the_worker_as_it_was(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await EmployAtRsudAsync(database, 1);
        var worker = await WorkerAsync(database, 1);
        var jobs = await JobsAsync(database, 1);

        // Chunks of two: the out-of-scope row shares a chunk with a new person, the other chunk is new people only.
        var outcome = await RunAsync(
            database, OperatorOfDisdik(database), CommitMode.ValidRowsOnly, [ImportCsv.RosterLine(2), Renamed(1), ImportCsv.RosterLine(3), ImportCsv.RosterLine(4)], chunkRows: 2);

        Assert.True(outcome.Committed);
        Assert.Equal((4, 3, 1), (outcome.RowsRead, outcome.RowsValid, outcome.RowsInvalid));
        Assert.Equal((3, 0, 0), (outcome.Inserted, outcome.Updated, outcome.Unchanged));
        Assert.Equal("WORKER_OUT_OF_SCOPE", Assert.Single(outcome.FirstIssues).Code);
        Assert.Equal(worker, await WorkerAsync(database, 1));
        Assert.Equal(jobs, await JobsAsync(database, 1));
        await using var db = database.NewContext();
        Assert.Equal(3, await db.Employments.CountAsync(e => e.AgencyId == database.AgencyId));
        var batch = await db.ImportBatches.OrderBy(b => b.ImportedAt).LastAsync();
        Assert.Equal((4, 3, 1), (batch.RowsRead, batch.RowsValid, batch.RowsInvalid));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_operator_may_update_the_staff_of_the_units_under_their_agency(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await EmployAtRsudAsync(database, 1);
        await RunAsync(database, uploader: null, CommitMode.AllOrNothing, [ImportCsv.RosterLine(2), ImportCsv.RosterLine(3)]);

        // Worker 1 also works at the unit now (so is the operator's); 2 is on the file, 3 is missing.
        await RunAsync(database, uploader: null, CommitMode.AllOrNothing, [ImportCsv.RosterLine(1, agency: ImportTestDatabase.UnitCode)]);
        var outcome = await RunAsync(
            database, OperatorOfDisdik(database), CommitMode.ValidRowsOnly, [ImportCsv.RosterLine(2), Renamed(1, ImportTestDatabase.UnitCode)], rosterMode: RosterMode.Replace);

        // Worker 1 is in scope through the unit: renamed; 3 is ended; nobody refused.
        Assert.True(outcome.Committed);
        Assert.Equal((0, 1, 1, 1), (outcome.Inserted, outcome.Updated, outcome.Unchanged, outcome.Ended));
        Assert.Equal(0, outcome.RowsInvalid);
        Assert.Equal("Pekerja Satu", (await WorkerAsync(database, 1)).Split('|')[2]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Regional_roles_may_update_workers_of_their_regions_only(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await EmployAtRsudAsync(database, 1);
        var elsewhere = new AccessScope(new HashSet<string> { LindungRoles.BranchOfficer }, ["35.19"], null, "branch-35.19");
        var here = new AccessScope(new HashSet<string> { LindungRoles.RegionalAdmin }, [ImportTestDatabase.Region], null, "admin-35.77");

        var refused = await RunAsync(database, elsewhere, CommitMode.AllOrNothing, [Renamed(1)]);
        var updated = await RunAsync(database, here, CommitMode.AllOrNothing, [Renamed(1)]);

        Assert.Equal("WORKER_OUT_OF_SCOPE", Assert.Single(refused.FirstIssues).Code);
        Assert.True(updated.Committed);
        Assert.Equal("Pekerja Satu", (await WorkerAsync(database, 1)).Split('|')[2]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_cli_updates_any_worker(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await EmployAtRsudAsync(database, 1);
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader, [Renamed(1)]);

        var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", file, "--agency", ImportTestDatabase.AgencyCode]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("inserted 1, updated 0, unchanged 0, ended 0", run.Out, StringComparison.Ordinal);
        Assert.Equal("Pekerja Satu", (await WorkerAsync(database, 1)).Split('|')[2]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_web_or_api_job_runs_with_its_uploaders_scope(string provider)
    {
        provider = provider == "sqlite" ? nameof(DatabaseProvider.Sqlite) : nameof(DatabaseProvider.Postgres);
        await using var world = await ApiWorld.StartAsync(provider);
        using var operatorA = await world.ClientAsync(LindungRoles.AgencyOperator);
        var (keyClient, _) = await world.KeyClientAsync(LindungRoles.AgencyOperator, world.AgencyA.Code);
        using var _key = keyClient;
        var workerB = world.WorkerB;
        var birth = new DateOnly(1990, 5, 2); // ApiWorld's worker B.
        var line = string.Create(CultureInfo.InvariantCulture, $"{workerB.Nik},Nama Palsu,{birth:dd/MM/yyyy},L,35.77.01,OPD-A,Honorer,2500000,Staf");
        var csv = string.Join('\n', ImportCsv.RosterHeader, ImportCsv.RosterLine(7, agency: "OPD-A"), line) + "\n";

        foreach (var client in new[] { operatorA, keyClient })
        {
            using var response = await ImportJobTests.UploadAsync(client, "daftar.csv", csv, ("mode", "VALID_ROWS_ONLY"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();

            var job = await ImportJobTests.ConfirmAsync(client, id);

            Assert.True(job.GetProperty("status").GetString() == "SUCCEEDED", job.ToString());
            var issue = job.GetProperty("first_issues")[0];
            Assert.Equal(("WORKER_OUT_OF_SCOPE", 3, "nik"), (issue.GetProperty("code").GetString(), issue.GetProperty("row").GetInt32(), issue.GetProperty("column").GetString()));
        }

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var stored = await db.Workers.AsNoTracking().SingleAsync(w => w.Id == workerB.Id);
        Assert.Equal((workerB.Name, workerB.RegionCode, workerB.Sex, workerB.BirthDate, workerB.Phone), (stored.Name, stored.RegionCode, stored.Sex, stored.BirthDate, stored.Phone));
        Assert.False(await db.Employments.AnyAsync(e => e.WorkerId == workerB.Id && e.AgencyId == world.AgencyA.Id));
        Assert.True(await db.Workers.AnyAsync(w => w.Nik == ImportCsv.NikOf(7)));
    }

    private static string Renamed(int serial, string agency = ImportTestDatabase.AgencyCode) => ImportCsv.RosterLine(serial, agency: agency).Replace($"Pekerja {serial}", "Pekerja Satu", StringComparison.Ordinal);

    private static AccessScope OperatorOfDisdik(ImportTestDatabase database) =>
        new(new HashSet<string> { LindungRoles.AgencyOperator }, [], database.AgencyId, "operator-disdik");

    /// <summary>Worker <paramref name="serial"/> employed at the RSUD only, registered by the CLI.</summary>
    private static async Task EmployAtRsudAsync(ImportTestDatabase database, int serial)
    {
        var file = ImportCsv.Write(database.Directory.Path, $"rsud-{Guid.NewGuid():N}.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(serial, agency: Rsud)]);
        var outcome = await database.NewRunner().RunAsync(
            new ImportRequest(ImportKind.Roster, file, "rsud.csv", Rsud, null, CommitMode.AllOrNothing, EffectiveDate: First), null, CancellationToken.None);
        Assert.True(outcome.Committed, string.Join("; ", outcome.FirstIssues));
    }

    private static async Task<ImportOutcome> RunAsync(
        ImportTestDatabase database, AccessScope? uploader, CommitMode mode, IEnumerable<string> lines, int chunkRows = ImportStaging.ChunkRows,
        RosterMode rosterMode = RosterMode.Update)
    {
        var file = ImportCsv.Write(database.Directory.Path, $"roster-{Guid.NewGuid():N}.csv", ImportCsv.RosterHeader, lines);
        var request = new ImportRequest(
            ImportKind.Roster, file, "roster.csv", ImportTestDatabase.AgencyCode, null, mode, EffectiveDate: First.AddMonths(1), RosterMode: rosterMode,
            Confirm: ImportConfirmation.Forced(), Uploader: uploader);
        return await database.NewRunner(chunkRows).RunAsync(request, null, CancellationToken.None);
    }

    /// <summary>Every column of the worker, as stored.</summary>
    private static async Task<string> WorkerAsync(ImportTestDatabase database, int serial)
    {
        await using var db = database.NewContext();
        var w = await db.Workers.AsNoTracking().SingleAsync(w => w.Nik == ImportCsv.NikOf(serial));
        return string.Create(CultureInfo.InvariantCulture, $"{w.Id}|{w.Nik}|{w.Name}|{w.BirthDate}|{w.Sex}|{w.RegionCode}|{w.Phone}|{w.Scheme}|{w.ImportBatchId}");
    }

    private static async Task<string> JobsAsync(ImportTestDatabase database, int serial)
    {
        await using var db = database.NewContext();
        var jobs = await db.Employments.AsNoTracking().Where(e => e.Worker!.Nik == ImportCsv.NikOf(serial)).OrderBy(e => e.Id).ToListAsync();
        return string.Join('\n', jobs.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id}|{e.AgencyId}|{e.Category}|{e.MonthlyWage}|{e.ValidFrom}|{e.ValidTo}")));
    }
}
