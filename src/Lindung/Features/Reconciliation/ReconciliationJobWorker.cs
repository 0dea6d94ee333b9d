using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// Runs queued reconciliation runs in the background, one at a time (each reads a whole region). At
/// startup, runs a stopped process left Running are marked Failed (the runner writes in one
/// transaction, so nothing of theirs was half-written) and runs still Queued are queued again.
/// </summary>
internal sealed partial class ReconciliationJobWorker(
    IServiceScopeFactory scopes, ReconciliationJobQueue queue, TimeProvider clock, ILogger<ReconciliationJobWorker> logger)
    : JobWorker(queue, concurrency: 1)
{
    protected override async Task<IReadOnlyList<Guid>> RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var interrupted = await db.ReconciliationRuns.Where(r => r.Status == ReconciliationRunStatus.Running).ToListAsync(ct);
        foreach (var run in interrupted)
        {
            run.Status = ReconciliationRunStatus.Failed;
            run.Error = ReconciliationErrors.Interrupted.Code;
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
        var queued = await db.ReconciliationRuns.Where(r => r.Status == ReconciliationRunStatus.Queued)
            .OrderBy(r => r.StartedAt).Select(r => r.Id).ToListAsync(ct);
        if (interrupted.Count > 0 || queued.Count > 0)
        {
            LogRecovered(interrupted.Count, queued.Count);
        }

        return queued;
    }

    protected override async Task RunJobAsync(Guid jobId, CancellationTokenSource cancellation, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var started = await db.ReconciliationRuns.Where(r => r.Id == jobId && r.Status == ReconciliationRunStatus.Queued)
            .ExecuteUpdateAsync(
                // The run reads the registry from now: its as-of time, which an import committed while it waited must not predate.
                s => s.SetProperty(r => r.Status, ReconciliationRunStatus.Running).SetProperty(r => r.StartedAt, clock.GetUtcNow().UtcDateTime),
                stoppingToken);
        if (started == 0)
        {
            return; // Cancelled while it waited, or already taken.
        }

        var actor = scope.ServiceProvider.GetService<JobAuditActor>();
        if (actor is not null)
        {
            actor.Name = await db.ReconciliationRuns.Where(r => r.Id == jobId).Select(r => r.StartedBy).SingleAsync(stoppingToken);
        }

        var recorder = new ReconciliationProgressRecorder(scopes, jobId, ReconciliationProgressRecorder.Interval, clock);
        (ReconciliationRunStatus Status, Domain.Validation.ValidationError? Error)? ended = null;
        await using (recorder.Start())
        {
            try
            {
                await ReconciliationRunner.RunAsync(db, jobId, scope.ServiceProvider.GetRequiredService<RateBook>(), clock, recorder, cancellation.Token);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                ended = stoppingToken.IsCancellationRequested
                    ? (ReconciliationRunStatus.Failed, ReconciliationErrors.Interrupted)
                    : (ReconciliationRunStatus.Cancelled, null);
            }
#pragma warning disable CA1031 // Any failure of one run is recorded on it; the worker goes on with the next.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(exception, jobId);
                ended = (ReconciliationRunStatus.Failed, ReconciliationErrors.Unexpected);
            }
        }

        // Untracked before the run reads as finished, so a cancel that sees it finished is refused (409).
        Queue.Untrack(jobId);
        if (ended is { } end)
        {
            await ReconciliationRunner.SettleAsync(db, jobId, end.Status, end.Error, clock);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation recovery: {Interrupted} interrupted run(s) marked failed, {Queued} queued run(s) queued again")]
    private partial void LogRecovered(int interrupted, int queued);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation run {RunId} failed")]
    private partial void LogFailed(Exception exception, Guid runId);
}
