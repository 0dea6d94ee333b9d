using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Reconciliation;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Lindung.Tests.Features.Reconciliation.ReviewQueueTests;

namespace Lindung.Tests.Features.Reconciliation;

/// <summary>Reconciliation runs as background jobs on SQLite and PostgreSQL: queued, polled, cancelled, recovered after a restart.</summary>
public sealed class ReconciliationJobTests
{
    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task A_run_asked_for_over_the_API_is_queued_then_succeeds_and_its_links_are_audited_under_its_starter(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var officer = await TestUsers.SignedInClientAsync(world.App, LindungRoles.BranchOfficer, null, ReconcileWorld.Region);

        using var response = await officer.PostAsJsonAsync(new Uri("/api/v1/reconciliation/runs", UriKind.Relative), new { region_code = ReconcileWorld.Region });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = queued.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/reconciliation/runs/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("QUEUED", queued.GetProperty("status").GetString());
        Assert.False(queued.GetProperty("finished").GetBoolean());
        var run = await PollRunAsync(officer, response.Headers.Location!.OriginalString);
        Assert.Equal("SUCCEEDED", run.GetProperty("status").GetString());
        Assert.Equal((7, 7, 7, 100, 2), (run.GetProperty("roster_rows").GetInt32(), run.GetProperty("done").GetInt32(), run.GetProperty("total").GetInt32(),
            run.GetProperty("percent").GetInt32(), run.GetProperty("needs_review").GetInt32()));
        Assert.Equal("done", run.GetProperty("phase").GetString());
        Assert.NotEqual(JsonValueKind.Null, run.GetProperty("finished_at").ValueKind);

        var (scope, db) = world.Database();
        await using var _ = scope;
        var starter = run.GetProperty("started_by").GetString()!;
        Assert.StartsWith("branchofficer-", starter, StringComparison.Ordinal);
        var links = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == nameof(Membership) && a.Action == AuditAction.Update).Select(a => a.Actor).ToListAsync();
        Assert.Equal([starter, starter], links);
        Assert.Equal(7, await db.ReconciliationResults.CountAsync(r => r.RunId == id));
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Cancel_stops_a_queued_run_signals_a_running_one_and_refuses_a_finished_one(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        // Stored but never handed to the worker: it stays queued until cancelled.
        var waiting = await AddRunAsync(world, ReconciliationRunStatus.Queued);
        var running = await AddRunAsync(world, ReconciliationRunStatus.Running);
        using var signal = new CancellationTokenSource();
        world.App.Services.GetRequiredService<ReconciliationJobQueue>().Track(running, signal);

        using var cancelWaiting = await admin.DeleteAsync(new Uri($"/api/v1/reconciliation/runs/{waiting}?lang=en", UriKind.Relative));
        using var cancelRunning = await admin.DeleteAsync(new Uri($"/api/v1/reconciliation/runs/{running}", UriKind.Relative));
        using var again = await admin.DeleteAsync(new Uri($"/api/v1/reconciliation/runs/{waiting}?lang=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, cancelWaiting.StatusCode);
        var cancelled = await cancelWaiting.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("CANCELLED", true), (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("finished").GetBoolean()));
        Assert.Equal(HttpStatusCode.Accepted, cancelRunning.StatusCode);
        Assert.True(signal.IsCancellationRequested);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already finished", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task A_run_cancelled_while_saving_rolls_back_and_reads_cancelled(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        var (scope, db) = world.Database();
        await using var _ = scope;
        using var cancel = new CancellationTokenSource();
        var phases = new List<string>();
        var progress = new Reporter(p =>
        {
            phases.Add(p.Phase);
            if (p.Phase == ReconciliationRunner.PhaseSaving)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ReconciliationRunner.RunAsync(db, ReconcileWorld.Region, null, "tester", Lindung.Features.Contributions.RateBookLoader.BuiltIn(), TimeProvider.System, progress, cancel.Token));

        Assert.Equal([ReconciliationRunner.PhaseLoading, ReconciliationRunner.PhaseMatching, ReconciliationRunner.PhaseSaving], phases);
        var run = await db.ReconciliationRuns.AsNoTracking().SingleAsync();
        Assert.Equal(ReconciliationRunStatus.Cancelled, run.Status);
        Assert.NotNull(run.FinishedAt);
        Assert.Empty(await db.ReconciliationResults.AsNoTracking().ToListAsync());
        Assert.All(await db.Memberships.AsNoTracking().ToListAsync(), m => Assert.NotEqual(world.Dewi.Id, m.WorkerId));
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task A_restart_marks_running_runs_failed_and_runs_queued_ones(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        var interrupted = await AddRunAsync(world, ReconciliationRunStatus.Running);
        var waiting = await AddRunAsync(world, ReconciliationRunStatus.Queued);

        // A second worker starting is what a restarted process does first.
        using var restarted = ActivatorUtilities.CreateInstance<ReconciliationJobWorker>(world.App.Services, NullLogger<ReconciliationJobWorker>.Instance);
        await restarted.StartAsync(CancellationToken.None);
        try
        {
            using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
            var failed = await PollRunAsync(admin, $"/api/v1/reconciliation/runs/{interrupted}?lang=en");
            Assert.Equal("FAILED", failed.GetProperty("status").GetString());
            Assert.Equal("interrupted", failed.GetProperty("error").GetProperty("code").GetString());
            Assert.Contains("restarted", failed.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            var ran = await PollRunAsync(admin, $"/api/v1/reconciliation/runs/{waiting}");
            Assert.Equal("SUCCEEDED", ran.GetProperty("status").GetString());
            Assert.Equal(6, ran.GetProperty("roster_rows").GetInt32());
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task The_page_queues_a_run_shows_runs_in_progress_after_a_reload_and_cancels_them(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);

        using var started = await Pages.PostFormAsync(admin, "/reconciliation", new Dictionary<string, string> { ["AgencyId"] = world.AgencyA.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        Assert.StartsWith("/reconciliation?run=", location, StringComparison.Ordinal);
        await PollRunAsync(admin, "/api/v1/reconciliation/runs/" + location["/reconciliation?run=".Length..]);
        Assert.Contains("Rekonsiliasi selesai: 6 pekerja dicocokkan, 1 perlu diperiksa.", await Pages.HtmlAsync(admin, location), StringComparison.Ordinal);

        // The run buttons on an agency's page and its gap list post here with a token of their own.
        foreach (var path in new[] { $"/agencies/{world.AgencyA.Id}", $"/reconciliation/gaps/{world.AgencyA.Id}" })
        {
            Assert.Matches("action=\"/reconciliation\"[^>]*>\\s*<input name=\"__RequestVerificationToken\"", await Pages.HtmlAsync(admin, path));
        }

        var review = await Pages.HtmlAsync(admin, "/reconciliation/review?page=1");
        Assert.Contains("Eko Prasetyo", review, StringComparison.Ordinal);
        Assert.DoesNotContain("PageNumber", review, StringComparison.Ordinal);

        var waiting = await AddRunAsync(world, ReconciliationRunStatus.Queued);
        var page = await Pages.HtmlAsync(admin, "/reconciliation");
        Assert.Contains($"data-status-url=\"/api/v1/reconciliation/runs/{waiting}\"", page, StringComparison.Ordinal);
        Assert.Contains("<progress", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"QUEUED\"", page, StringComparison.Ordinal);
        using var cancel = await Pages.PostFormAsync(admin, $"/reconciliation?handler=Cancel&id={waiting}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal("/reconciliation", cancel.Headers.Location?.OriginalString);
        var after = await Pages.HtmlAsync(admin, "/reconciliation");
        Assert.DoesNotContain($"data-status-url=\"/api/v1/reconciliation/runs/{waiting}\"", after, StringComparison.Ordinal);
        Assert.Contains("data-status=\"CANCELLED\"", after, StringComparison.Ordinal);
    }

    private static async Task<Guid> AddRunAsync(ReconcileWorld world, ReconciliationRunStatus status)
    {
        var (scope, db) = world.Database();
        await using var _ = scope;
        var run = ReconciliationRunner.Request(ReconcileWorld.Region, world.AgencyA.Id, "tester", TimeProvider.System, status);
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    /// <summary>Reports on the caller's thread, as the runner expects of a progress sink (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class Reporter(Action<ReconcileProgress> report) : IProgress<ReconcileProgress>
    {
        public void Report(ReconcileProgress value) => report(value);
    }
}
