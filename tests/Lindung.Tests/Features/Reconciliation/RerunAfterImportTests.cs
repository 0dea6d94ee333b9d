using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Reconciliation;
using Lindung.Tests.Features.Imports;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Lindung.Tests.Features.Reconciliation.ReviewQueueTests;

namespace Lindung.Tests.Features.Reconciliation;

/// <summary>
/// An import after a reconciliation marks the agency's results out of date and queues a background re-run
/// (coalesced, started by the importer, switchable off); the agency page and its gap list show the same run's
/// counts throughout. On SQLite and PostgreSQL.
/// </summary>
public sealed partial class RerunAfterImportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task A_roster_import_after_a_run_marks_it_stale_and_a_background_rerun_by_the_importer_brings_it_fresh(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        var first = await StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        var gapsPath = $"/api/v1/reconciliation/gaps/{world.AgencyA.Id}";
        Assert.Equal(1, Totals(await GetJsonAsync(admin, gapsPath))["NOT_REGISTERED"]);
        using var operatorA = await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, world.AgencyA.Code);

        var job = await ImportRosterAsync(operatorA, 101, 102);

        var importer = job.GetProperty("created_by").GetString()!;
        var (scope, db) = world.Database();
        await using var _ = scope;
        var firstRun = await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == first);
        Assert.NotNull(await Staleness.ChangedSinceAsync(db, world.AgencyA, firstRun.StartedAt, CancellationToken.None));
        var fresh = await PollGapsAsync(admin, gapsPath, g => !g.GetProperty("stale").GetBoolean() && Totals(g)["NOT_REGISTERED"] == 3);
        Assert.False(fresh.GetProperty("rerun_pending").GetBoolean());
        Assert.NotEqual(first, fresh.GetProperty("run_id").GetGuid());

        var rerun = await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == fresh.GetProperty("run_id").GetGuid());
        Assert.Equal((importer, world.AgencyA.Id, ReconciliationRunStatus.Succeeded), (rerun.StartedBy, rerun.AgencyId, rerun.Status));
        Assert.Equal(2, await db.ReconciliationRuns.CountAsync());
        var queuedBy = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == nameof(ReconciliationRun) && a.EntityKey == rerun.Id.ToString() && a.Action == AuditAction.Create)
            .Select(a => a.Actor).SingleAsync();
        Assert.Equal(importer, queuedBy);

        // The run list shows it like any run, by its starter.
        var runs = await GetJsonAsync(admin, "/api/v1/reconciliation/runs");
        Assert.Contains(runs.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == rerun.Id && r.GetProperty("started_by").GetString() == importer);
        await AssertPageAgreesAsync(admin, world, gapsPath);
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Switched_off_an_import_leaves_the_list_stale_and_two_imports_queue_one_rerun_that_reads_both(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider, configure: b => b.Configuration["Reconciliation:RerunAfterImport"] = "false");
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        var first = await StartRunAsync(admin, new { agency_id = world.AgencyA.Id });
        using var operatorA = await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, world.AgencyA.Code);
        var gapsPath = $"/api/v1/reconciliation/gaps/{world.AgencyA.Id}";

        await ImportRosterAsync(operatorA, 101, 102);
        await ImportRosterAsync(operatorA, 103);

        // Switched off: no run queued, the list says it is out of date and still shows the run's own counts, as the agency page does.
        var stale = await GetJsonAsync(admin, gapsPath);
        Assert.Equal((true, false, first), (stale.GetProperty("stale").GetBoolean(), stale.GetProperty("rerun_pending").GetBoolean(), stale.GetProperty("run_id").GetGuid()));
        Assert.Equal(1, Totals(stale)["NOT_REGISTERED"]);
        var (scope, db) = world.Database();
        await using var _ = scope;
        Assert.Equal(1, await db.ReconciliationRuns.CountAsync());
        var page = await AssertPageAgreesAsync(admin, world, gapsPath);
        Assert.Contains("Data berubah sejak rekonsiliasi terakhir.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("pembaruan sedang berjalan", page, StringComparison.Ordinal);

        // Switched on, with a queue no worker reads: the first import queues a re-run, the second finds it waiting.
        var batches = await db.ImportBatches.AsNoTracking().OrderBy(b => b.ImportedAt).Select(b => b.Id).ToListAsync();
        var idle = new ReconciliationJobQueue();
        var rerun = new RerunAfterImport(db, idle, Options.Create(new ReconciliationOptions()), TimeProvider.System);
        var one = await rerun.HandleAsync(batches[0], "importer", CancellationToken.None);
        var two = await rerun.HandleAsync(batches[1], "importer", CancellationToken.None);
        Assert.Single(one.Value.Queued);
        Assert.Empty(two.Value.Queued);
        Assert.Equal([new RerunScope(ReconcileWorld.Region, world.AgencyA.Id)], two.Value.AlreadyQueued);
        var queued = await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Status == ReconciliationRunStatus.Queued);
        Assert.Equal((one.Value.Queued[0], "importer"), (queued.Id, queued.StartedBy));

        var pending = await GetJsonAsync(admin, gapsPath);
        Assert.Equal((true, true), (pending.GetProperty("stale").GetBoolean(), pending.GetProperty("rerun_pending").GetBoolean()));
        Assert.Contains("Data berubah sejak rekonsiliasi terakhir — pembaruan sedang berjalan.", WebUtility.HtmlDecode(await Pages.HtmlAsync(admin, $"/reconciliation/gaps/{world.AgencyA.Id}")), StringComparison.Ordinal);
        Assert.Contains("Data changed since the last reconciliation — an update is running.", WebUtility.HtmlDecode(await Pages.HtmlAsync(admin, $"/agencies/{world.AgencyA.Id}?culture=en-US")), StringComparison.Ordinal);

        // The one run, once the worker takes it, reads both imports.
        Assert.True(world.App.Services.GetRequiredService<ReconciliationJobQueue>().TryEnqueue(queued.Id));
        var fresh = await PollGapsAsync(admin, gapsPath, g => !g.GetProperty("stale").GetBoolean());
        Assert.Equal((queued.Id, 4), (fresh.GetProperty("run_id").GetGuid(), Totals(fresh)["NOT_REGISTERED"]));
        await AssertPageAgreesAsync(admin, world, gapsPath);
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Imports_finishing_together_on_separate_connections_queue_one_rerun(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider, configure: b => b.Configuration["Reconciliation:RerunAfterImport"] = "false");
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await StartRunAsync(admin, new { agency_id = world.AgencyA.Id });
        using var operatorA = await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, world.AgencyA.Code);
        await ImportRosterAsync(operatorA, 101);
        var (scope, db) = world.Database();
        await using var _ = scope;
        var batch = await db.ImportBatches.AsNoTracking().Select(b => b.Id).SingleAsync();

        // Each caller has its own connection, as two server processes on one database would: only the
        // database can make "none queued yet? then queue one" a single step for them.
        const int Callers = 6;
        var contexts = Enumerable.Range(0, Callers).Select(_ => world.Database()).ToList();
        using var start = new Barrier(Callers);
        var outcomes = await Task.WhenAll(contexts.Select(c => Task.Run(async () =>
        {
            var rerun = new RerunAfterImport(c.Db, new ReconciliationJobQueue(), Options.Create(new ReconciliationOptions()), TimeProvider.System);
            start.SignalAndWait();
            return (await rerun.HandleAsync(batch, "importer", CancellationToken.None)).Value;
        })));
        foreach (var (contextScope, _) in contexts)
        {
            await contextScope.DisposeAsync();
        }

        Assert.Equal(1, outcomes.Sum(o => o.Queued.Count));
        Assert.Equal(Callers - 1, outcomes.Sum(o => o.AlreadyQueued.Count));
        Assert.Equal(1, await db.ReconciliationRuns.CountAsync(r => r.Status == ReconciliationRunStatus.Queued));
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task An_import_never_reconciles_an_agency_for_the_first_time(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var operatorA = await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, world.AgencyA.Code);

        await ImportRosterAsync(operatorA, 101);

        var (scope, db) = world.Database();
        await using var _ = scope;
        Assert.Equal(0, await db.ReconciliationRuns.CountAsync());
    }

    /// <summary>The agency page's gap counts, from the same run, equal the gap list's; returns the page.</summary>
    private static async Task<string> AssertPageAgreesAsync(HttpClient client, ReconcileWorld world, string gapsPath)
    {
        var gaps = await GetJsonAsync(client, gapsPath);
        var page = await Pages.HtmlAsync(client, $"/agencies/{world.AgencyA.Id}");
        var shown = GapCount().Matches(page).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Totals(gaps).OrderBy(t => t.Key), shown.OrderBy(t => t.Key));
        Assert.Contains($"data-run=\"{gaps.GetProperty("run_id").GetGuid()}\"", page, StringComparison.Ordinal);
        return page;
    }

    private static async Task<JsonElement> ImportRosterAsync(HttpClient client, params int[] serials)
    {
        var csv = string.Join('\n', [ImportCsv.RosterHeader, .. serials.Select(s => ImportCsv.RosterLine(s, agency: "DISDIK"))]) + "\n";
        using var response = await ImportJobTests.UploadAsync(client, "daftar.csv", csv);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var job = await ImportJobTests.ConfirmAsync(client, JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
        Assert.True(job.GetProperty("status").GetString() == "SUCCEEDED", job.ToString());
        return job;
    }

    private static async Task<JsonElement> PollGapsAsync(HttpClient client, string path, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var gaps = await GetJsonAsync(client, path);
            if (until(gaps))
            {
                return gaps;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the gap list never came up to date: {gaps}");
            await Task.Delay(100);
        }
    }

    private static Dictionary<string, int> Totals(JsonElement gaps) =>
        gaps.GetProperty("totals").EnumerateArray().ToDictionary(t => t.GetProperty("gap").GetString()!, t => t.GetProperty("workers").GetInt32());

    [GeneratedRegex("data-gap=\"([A-Z_]+)\">([0-9.]+)</a>")]
    private static partial Regex GapCount();
}
