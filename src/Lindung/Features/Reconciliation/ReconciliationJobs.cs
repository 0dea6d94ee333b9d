using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>Reconciliation runs waiting to run, and those running in this process.</summary>
internal sealed class ReconciliationJobQueue() : JobQueue(Capacity)
{
    /// <summary>Runs waiting beyond this many are refused: each one reads a whole region.</summary>
    public const int Capacity = 20;
}

/// <summary>A run's progress written to its row at most once per interval.</summary>
internal sealed class ReconciliationProgressRecorder(IServiceScopeFactory scopes, Guid runId, TimeSpan interval, TimeProvider clock)
    : ProgressRecorder<ReconcileProgress>(interval, clock)
{
    /// <summary>The same pace as import progress: a poll once a second sees a fresh figure.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task WriteAsync(ReconcileProgress latest, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        await db.ReconciliationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Phase, Truncate(latest.Phase)).SetProperty(r => r.Done, latest.Done).SetProperty(r => r.Total, latest.Total),
            ct);
    }
}

/// <summary>
/// Cancels a run: one still queued turns Cancelled at once (an atomic update, so the worker skips it);
/// a running one is signalled and turns Cancelled when the runner stops and rolls back. False when
/// the run had already finished.
/// </summary>
internal static class CancelRun
{
    public static async Task<bool> CancelAsync(LindungDbContext db, ReconciliationJobQueue queue, Guid runId, DateTime now, CancellationToken ct)
    {
        var waiting = await db.ReconciliationRuns
            .Where(r => r.Id == runId && r.Status == ReconciliationRunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReconciliationRunStatus.Cancelled).SetProperty(r => r.FinishedAt, now), ct);
        return waiting == 1 || queue.CancelRunning(runId);
    }
}
