using System.Globalization;
using System.Text;
using Lindung.Data.Entities;
using Lindung.Features.Imports;
using Lindung.Tests.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// Roster modes, the plan before a commit and undo, on SQLite and PostgreSQL: an update never ends
/// anyone, a replace shows whom it would end and commits only what was confirmed, and undo puts
/// every registry row back as it was.
/// </summary>
public sealed class ImportPlanUndoTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    private static readonly DateOnly First = new(2026, 2, 1);
    private static readonly DateOnly Later = new(2026, 3, 1);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_update_never_ends_anyone_missing_from_the_file(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await RosterAsync(database, Enumerable.Range(1, 10), First);

        var outcome = await RosterAsync(database, Enumerable.Range(1, 3).Select(i => ImportCsv.RosterLine(i, wage: 3_000_000)), Later);

        Assert.Equal((0, 3, 0, 0), (outcome.Inserted, outcome.Updated, outcome.Unchanged, outcome.Ended));
        await using var db = database.NewContext();
        Assert.Equal(10, await db.Employments.CountAsync(e => e.ValidTo == null));
        Assert.Equal(RosterMode.Update, (await db.ImportBatches.OrderBy(b => b.ImportedAt).LastAsync()).RosterMode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_replace_plan_names_whom_it_would_end_and_changes_nothing(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await RosterAsync(database, Enumerable.Range(1, 10), First);
        var before = await database.FingerprintAsync();

        var plan = await RosterAsync(database, Enumerable.Range(1, 9).Select(i => ImportCsv.RosterLine(i)), Later, RosterMode.Replace, ImportConfirmation.PlanOnly);

        Assert.Equal(PlanState.Planned, plan.State);
        Assert.False(plan.Committed);
        Assert.Equal((0, 0, 9, 1, 10), (plan.Plan!.Inserted, plan.Plan.Updated, plan.Plan.Unchanged, plan.Plan.Ended, plan.Plan.ActiveBefore));
        var ended = Assert.Single(plan.Plan.EndedSample);
        Assert.Equal("Pekerja 10", ended.Name);
        Assert.Equal(ImportTestDatabase.AgencyName, ended.Agency);
        Assert.Equal(Lindung.Domain.Identifiers.Nik.Mask(ImportCsv.NikOf(10)), ended.Nik);
        Assert.DoesNotContain(ImportCsv.NikOf(10), ended.Nik, StringComparison.Ordinal);
        Assert.False(plan.Plan.NeedsForce);
        Assert.Equal(before, await database.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_replace_that_ends_more_than_the_limit_needs_force(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await RosterAsync(database, Enumerable.Range(1, 10), First);
        var before = await database.FingerprintAsync();
        var three = Enumerable.Range(1, 3).Select(i => ImportCsv.RosterLine(i)).ToList();

        var refused = await RosterAsync(database, three, Later, RosterMode.Replace, ImportConfirmation.CommitAny);

        Assert.Equal(PlanState.NeedsForce, refused.State);
        Assert.True(refused.Plan!.NeedsForce);
        Assert.Equal(7, refused.Plan.Ended);
        Assert.Equal(before, await database.FingerprintAsync());

        var forced = await RosterAsync(database, three, Later, RosterMode.Replace, ImportConfirmation.Forced(refused.Plan.Fingerprint));

        Assert.Equal(PlanState.Committed, forced.State);
        Assert.Equal(7, forced.Ended);
        await using var db = database.NewContext();
        Assert.Equal(3, await db.Employments.CountAsync(e => e.ValidTo == null));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_replace_limit_is_the_nearest_setting_of_the_agency_region(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await RosterAsync(database, Enumerable.Range(1, 10), First);
        var three = Enumerable.Range(1, 3).Select(i => ImportCsv.RosterLine(i)).ToList();
        using (var scope = database.Services.CreateScope())
        {
            var set = scope.ServiceProvider.GetRequiredService<SetReplaceLimit>();
            Assert.True((await set.HandleAsync("35.78", "90", Lindung.Security.AccessScope.Operator, CancellationToken.None)).Succeeded);
            Assert.True((await set.HandleAsync(ImportTestDatabase.Region, "50", Lindung.Security.AccessScope.Operator, CancellationToken.None)).Succeeded);
        }

        var refused = await RosterAsync(database, three, Later, RosterMode.Replace, ImportConfirmation.CommitAny);

        Assert.Equal((PlanState.NeedsForce, 50), (refused.State, refused.Plan!.EndLimitPercent));
        using (var scope = database.Services.CreateScope())
        {
            var set = scope.ServiceProvider.GetRequiredService<SetReplaceLimit>();
            Assert.True((await set.HandleAsync(ImportTestDatabase.Region, "70", Lindung.Security.AccessScope.Operator, CancellationToken.None)).Succeeded);
        }

        var committed = await RosterAsync(database, three, Later, RosterMode.Replace, ImportConfirmation.CommitAny);

        Assert.Equal((PlanState.Committed, 7, 70), (committed.State, committed.Ended, committed.Plan!.EndLimitPercent));
        await using var db = database.NewContext();
        Assert.Equal(70, (await db.ReplaceLimits.SingleAsync(s => s.RegionCode == ImportTestDatabase.Region)).EndLimitPercent);
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(ReplaceLimitSetting)));
    }

    [Theory]
    [InlineData("101", "35.77", "REPLACE_LIMIT_INVALID")]
    [InlineData("-5", "35.77", "REPLACE_LIMIT_INVALID")]
    [InlineData("dua puluh", "35.77", "REPLACE_LIMIT_INVALID")]
    [InlineData("30", "35.73", "region_out_of_scope")]
    [InlineData("30", "99.99", "region_unknown")]
    public async Task A_replace_limit_outside_0_to_100_or_the_admin_regions_is_refused(string percent, string region, string code)
    {
        await using var database = await ImportTestDatabase.CreateAsync("sqlite");
        using var scope = database.Services.CreateScope();
        var admin = new Lindung.Security.AccessScope(new HashSet<string> { Lindung.Data.LindungRoles.RegionalAdmin }, ["35.77"], null, "admin@test");

        var result = await scope.ServiceProvider.GetRequiredService<SetReplaceLimit>().HandleAsync(region, percent, admin, CancellationToken.None);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.ReplaceLimits.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_confirmed_plan_does_not_commit_once_the_registry_has_changed(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await RosterAsync(database, Enumerable.Range(1, 10), First);
        var file = Enumerable.Range(1, 9).Select(i => ImportCsv.RosterLine(i)).ToList();
        var plan = await RosterAsync(database, file, Later, RosterMode.Replace, ImportConfirmation.PlanOnly);

        // Someone adds a worker between the plan and its confirmation: the replace would now end two.
        await RosterAsync(database, [ImportCsv.RosterLine(11)], First);
        var before = await database.FingerprintAsync();
        var stale = await RosterAsync(database, file, Later, RosterMode.Replace, new ImportConfirmation(true, plan.Plan!.Fingerprint, Force: false));

        Assert.Equal(PlanState.Stale, stale.State);
        Assert.NotEqual(plan.Plan.Fingerprint, stale.Plan!.Fingerprint);
        Assert.Equal(2, stale.Plan.Ended);
        Assert.Equal(before, await database.FingerprintAsync());

        var confirmed = await RosterAsync(database, file, Later, RosterMode.Replace, new ImportConfirmation(true, stale.Plan.Fingerprint, Force: false));
        Assert.Equal(PlanState.Committed, confirmed.State);
        Assert.Equal(2, confirmed.Ended);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Undo_puts_every_registry_row_back_and_goes_in_reverse_order(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await RosterAsync(database, Enumerable.Range(1, 10), First);
        await MembersAsync(database, Enumerable.Range(1, 5).Select(i => ImportCsv.MemberLine(i, Kpj(i))), First);
        var original = await RegistryAsync(database);

        // A replace that changes wages (3–5), a name (6), adds 11–12 and ends 1–2; then an extract
        // that changes one membership (3) and adds one for a person the replace registered (11).
        var replaced = await RosterAsync(
            database,
            Enumerable.Range(3, 10).Select(i => i switch
            {
                <= 5 => ImportCsv.RosterLine(i, wage: 3_300_000),
                6 => ImportCsv.RosterLine(i).Replace("Pekerja 6", "Pekerja Enam", StringComparison.Ordinal),
                _ => ImportCsv.RosterLine(i),
            }),
            Later,
            RosterMode.Replace);
        Assert.Equal((2, 4, 4, 2), (replaced.Inserted, replaced.Updated, replaced.Unchanged, replaced.Ended));
        var afterRoster = await RegistryAsync(database);
        var extract = await MembersAsync(database, [ImportCsv.MemberLine(3, Kpj(3), status: "NONAKTIF"), ImportCsv.MemberLine(11, Kpj(11))], Later);
        Assert.NotEqual(afterRoster, await RegistryAsync(database));

        var blocked = await UndoAsync(database, replaced.BatchId);
        Assert.Equal("IMPORT_UNDO_BLOCKED_BY_LATER_IMPORT", Assert.Single(blocked.Errors).Code);
        Assert.Contains(extract.BatchId.ToString(), blocked.Errors[0].Message(english: true), StringComparison.Ordinal);

        Assert.True((await UndoAsync(database, extract.BatchId)).Succeeded);
        Assert.Equal(afterRoster, await RegistryAsync(database));
        var undone = await UndoAsync(database, replaced.BatchId);
        Assert.True(undone.Succeeded);
        Assert.Equal(original, await RegistryAsync(database));
        Assert.Equal("IMPORT_ALREADY_UNDONE", Assert.Single((await UndoAsync(database, replaced.BatchId)).Errors).Code);

        await using var db = database.NewContext();
        var batch = await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == replaced.BatchId);
        Assert.NotNull(batch.UndoneAt);
        var key = replaced.BatchId.ToString();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.EntityType == nameof(ImportBatch) && a.EntityKey == key && a.Action == AuditAction.Update));
        Assert.Equal(0, await db.ImportUndoEmployments.CountAsync(u => u.BatchId == replaced.BatchId));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Undo_is_refused_when_a_record_of_the_import_was_changed_by_hand_afterwards(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var imported = await RosterAsync(database, Enumerable.Range(1, 3), First);
        await using (var db = database.NewContext())
        {
            var worker = await db.Workers.SingleAsync(w => w.Nik == ImportCsv.NikOf(2));
            worker.Phone = "081299990000";
            await db.SaveChangesAsync();
        }

        var before = await RegistryAsync(database);
        var refused = await UndoAsync(database, imported.BatchId);

        Assert.Equal("IMPORT_UNDO_BLOCKED_BY_LATER_EDIT", Assert.Single(refused.Errors).Code);
        Assert.Equal(before, await RegistryAsync(database));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_command_line_prints_the_plan_and_commits_only_with_yes(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        await RosterAsync(database, Enumerable.Range(1, 10), First);
        var before = await database.FingerprintAsync();
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader, Enumerable.Range(1, 4).Select(i => ImportCsv.RosterLine(i)));
        string[] replace = [.. database.GlobalArgs, "import", "roster", file, "--agency", ImportTestDatabase.AgencyCode, "--mode", "replace"];

        var plan = await CliRun.ExecuteAsync(replace);
        Assert.Equal(3, plan.ExitCode);
        Assert.Contains("to be ended 6", plan.Out, StringComparison.Ordinal);
        Assert.Contains("Pekerja 10", plan.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing committed", plan.Out, StringComparison.Ordinal);

        var notForced = await CliRun.ExecuteAsync([.. replace, "--yes"]);
        Assert.Equal(3, notForced.ExitCode);
        Assert.Contains("--force", notForced.Out, StringComparison.Ordinal);
        Assert.Equal(before, await database.FingerprintAsync());

        var committed = await CliRun.ExecuteAsync([.. replace, "--yes", "--force"]);
        Assert.Equal(0, committed.ExitCode);
        Assert.Contains("ended 6", committed.Out, StringComparison.Ordinal);

        await using var db = database.NewContext();
        var batch = await db.ImportBatches.OrderBy(b => b.ImportedAt).LastAsync();
        var undo = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "undo", batch.Id.ToString()]);
        Assert.Equal(0, undo.ExitCode);
        Assert.Contains("Undone batch", undo.Out, StringComparison.Ordinal);
        Assert.Equal(10, await db.Employments.CountAsync(e => e.ValidTo == null));

        var again = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "undo", batch.Id.ToString()]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("IMPORT_ALREADY_UNDONE", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_job_reads_committed_in_the_same_transaction_as_its_import(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var job = new ImportJob
        {
            Kind = ImportKind.Roster,
            AgencyId = database.AgencyId,
            OriginalFileName = "roster.csv",
            StoredPath = "uploads/roster.csv",
            Status = ImportJobStatus.Running,
            CreatedBy = "operator@example.id",
            RegionCode = ImportTestDatabase.Region,
        };
        await using (var db = database.NewContext())
        {
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
        }

        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(1)]);
        var request = new ImportRequest(ImportKind.Roster, file, "roster.csv", ImportTestDatabase.AgencyCode, null, CommitMode.AllOrNothing, JobId: job.Id);
        var planned = await database.NewRunner().RunAsync(request with { Confirm = ImportConfirmation.PlanOnly }, null, CancellationToken.None);
        await using (var db = database.NewContext())
        {
            Assert.Equal(ImportJobStatus.Running, (await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id)).Status);
        }

        // What a crash right after the commit would leave: the runner's work, and no worker to finish the job.
        var committed = await database.NewRunner().RunAsync(request, null, CancellationToken.None);

        Assert.Equal(PlanState.Planned, planned.State);
        await using (var db = database.NewContext())
        {
            var row = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id);
            Assert.Equal((ImportJobStatus.Succeeded, true, (Guid?)committed.BatchId), (row.Status, row.Committed, row.BatchId));
        }
    }

    private static string Kpj(int serial) => string.Create(CultureInfo.InvariantCulture, $"{26_000_000_000L + serial}");

    private static Task<ImportOutcome> RosterAsync(ImportTestDatabase database, IEnumerable<int> serials, DateOnly day) =>
        RosterAsync(database, serials.Select(i => ImportCsv.RosterLine(i)), day);

    private static async Task<ImportOutcome> RosterAsync(
        ImportTestDatabase database, IEnumerable<string> lines, DateOnly day, RosterMode mode = RosterMode.Update, ImportConfirmation? confirm = null)
    {
        var file = ImportCsv.Write(database.Directory.Path, $"roster-{Guid.NewGuid():N}.csv", ImportCsv.RosterHeader, lines);
        var request = new ImportRequest(
            ImportKind.Roster, file, "roster.csv", ImportTestDatabase.AgencyCode, null, CommitMode.AllOrNothing, EffectiveDate: day, RosterMode: mode, Confirm: confirm);
        var outcome = await database.NewRunner().RunAsync(request, null, CancellationToken.None);
        Assert.True(outcome.RowsInvalid == 0, string.Join("; ", outcome.FirstIssues));
        return outcome;
    }

    private static async Task<ImportOutcome> MembersAsync(ImportTestDatabase database, IEnumerable<string> lines, DateOnly day)
    {
        var file = ImportCsv.Write(database.Directory.Path, $"members-{Guid.NewGuid():N}.csv", ImportCsv.MembersHeader, lines);
        var request = new ImportRequest(ImportKind.Members, file, "members.csv", null, null, CommitMode.AllOrNothing, EffectiveDate: day);
        var outcome = await database.NewRunner().RunAsync(request, null, CancellationToken.None);
        Assert.True(outcome.Committed, string.Join("; ", outcome.FirstIssues));
        return outcome;
    }

    private static async Task<Lindung.Application.UseCaseResult<UndoneImport>> UndoAsync(ImportTestDatabase database, Guid batchId)
    {
        using var scope = database.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UndoImport>().HandleAsync(batchId, scope: null, CancellationToken.None);
    }

    /// <summary>Every column of every worker, job, membership and extract: equal only if the registry is exactly as it was.</summary>
    private static async Task<string> RegistryAsync(ImportTestDatabase database)
    {
        await using var db = database.NewContext();
        var text = new StringBuilder();
        foreach (var w in await db.Workers.AsNoTracking().OrderBy(w => w.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"W|{w.Id}|{w.Nik}|{w.Name}|{w.BirthDate}|{w.Sex}|{w.RegionCode}|{w.Phone}|{w.Scheme}|{w.ImportBatchId}\n");
        }

        foreach (var e in await db.Employments.AsNoTracking().OrderBy(e => e.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture,
                $"E|{e.Id}|{e.WorkerId}|{e.AgencyId}|{e.EmployerId}|{e.Category}|{e.Position}|{e.MonthlyWage}|{e.FundingSource}|{e.ValidFrom}|{e.ValidTo}|{e.RegionCode}|{e.ImportBatchId}\n");
        }

        foreach (var m in await db.Memberships.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture,
                $"M|{m.Id}|{m.Kpj}|{m.WorkerId}|{m.Segment}|{m.Programs}|{m.EmployerNpp}|{m.Status}|{m.ReportedWage}|{m.LastPaidMonth}|{m.SourceExtractId}|{m.ValidFrom}|{m.ValidTo}|{m.RegionCode}\n");
        }

        foreach (var x in await db.MembershipExtracts.AsNoTracking().OrderBy(x => x.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"X|{x.Id}|{x.FileName}|{x.RowCount}\n");
        }

        return text.ToString();
    }
}
