using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Dashboard;
using Lindung.Features.Jobs;
using Lindung.Features.Reconciliation;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Imports;

/// <summary>
/// Runs queued import jobs in the background, <see cref="ImportOptions.Concurrency"/> at a time (one by
/// default). At startup, jobs a stopped process left Running are marked Failed (the runner commits in
/// one transaction, so nothing of theirs was half-written) and jobs still Queued are queued again.
/// </summary>
internal sealed partial class ImportJobWorker(
    IServiceScopeFactory scopes, ImportJobQueue queue, IOptions<ImportOptions> options, LindungHostOptions host,
    TimeProvider clock, ILogger<ImportJobWorker> logger) : JobWorker(queue, options.Value.Concurrency)
{
    protected override async Task<IReadOnlyList<Guid>> RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var interrupted = await db.ImportJobs.Where(j => j.Status == ImportJobStatus.Running).ToListAsync(ct);
        foreach (var job in interrupted)
        {
            job.Status = ImportJobStatus.Failed;
            job.Error = ImportFileErrors.Store(ImportFileErrors.Interrupted);
            job.FinishedAt = now;
        }

        await db.SaveChangesAsync(ct);
        var queued = await db.ImportJobs.Where(j => j.Status == ImportJobStatus.Queued)
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(ct);
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
        var started = await db.ImportJobs.Where(j => j.Id == jobId && j.Status == ImportJobStatus.Queued).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, ImportJobStatus.Running).SetProperty(j => j.StartedAt, clock.GetUtcNow().UtcDateTime),
            stoppingToken);
        if (started == 0)
        {
            return; // Cancelled while it waited, or already taken.
        }

        var job = await db.ImportJobs.AsNoTracking().Include(j => j.Agency).SingleAsync(j => j.Id == jobId, stoppingToken);
        ActFor(scope.ServiceProvider, job.CreatedBy);
        var runner = scope.ServiceProvider.GetService<IImportRunner>();
        if (runner is null)
        {
            await FinishAsync(job, j => Fail(j, ImportFileErrors.NoRunner));
            return;
        }

        // The job writes with its uploader's scope, never with the worker's own (which could update anyone).
        var uploader = await ImportUploader.ScopeAsync(db, job.CreatedBy, stoppingToken);
        if (uploader is null)
        {
            Queue.Untrack(jobId);
            await FinishAsync(job, j => Fail(j, ImportFileErrors.UploaderGone));
            return;
        }

        await RunWithProgressAsync(job, uploader, runner, cancellation, stoppingToken);
    }

    private async Task RunWithProgressAsync(
        ImportJob job, AccessScope uploader, IImportRunner runner, CancellationTokenSource cancellation, CancellationToken stoppingToken)
    {
        var request = new ImportRequest(
            job.Kind, ImportFiles.Full(host.DataDirectory, job.StoredPath), job.OriginalFileName, job.Agency?.Code, job.Sheet, job.Mode,
            ImportColumns.FromJson(job.ColumnOverrides),
            RosterMode: job.RosterMode,
            // The first run only makes the plan; the run after the uploader confirmed it commits that plan and no other.
            Confirm: job.ConfirmedPlan is null ? ImportConfirmation.PlanOnly : new ImportConfirmation(Commit: true, job.ConfirmedPlan, job.Force),
            JobId: job.Id,
            Uploader: uploader);
        var recorder = new ImportProgressRecorder(scopes, job.Id, options.Value.ProgressInterval, clock);
        Action<ImportJob> finish;
        await using (recorder.Start())
        {
            try
            {
                var outcome = await runner.RunAsync(request, recorder, cancellation.Token);
                using var lookup = scopes.CreateScope();
                if (outcome.Committed && lookup.ServiceProvider.GetService<SnapshotRefresher>() is { } snapshots)
                {
                    // Before the job reads as finished, so whoever waits for it sees the new figures on the dashboard.
                    await snapshots.RefreshNowAsync(stoppingToken);
                }

                if (outcome.Committed)
                {
                    await RerunAsync(outcome.BatchId, job.CreatedBy, stoppingToken);
                }

                finish = j => Complete(j, outcome);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                finish = stoppingToken.IsCancellationRequested ? j => Fail(j, ImportFileErrors.Interrupted) : j => j.Status = ImportJobStatus.Cancelled;
            }
            catch (ImportRefusedException refused)
            {
                finish = j => Fail(j, ImportFileErrors.Refused(refused.Message));
            }
            catch (TableFileException unreadable)
            {
                // A file refused while it was read (over a limit, damaged further down) is not kept for the retention period.
                ImportFiles.TryDelete(request.FilePath);
                finish = j => Fail(j, unreadable.Error);
            }
#pragma warning disable CA1031 // Any failure of one job is recorded on it; the worker goes on with the next.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(exception, job.Id);
                finish = j => Fail(j, ImportFileErrors.Unexpected);
            }
        }

        // The runner has stopped: untracked before the job reads as finished, so a cancel that sees
        // it finished is refused (409) instead of signalling a job that is already over.
        Queue.Untrack(job.Id);
        await FinishAsync(job, finish);
    }

    /// <summary>
    /// Queues the re-run of the reconciliations the import made out of date, as started by the uploader
    /// (its run row and audit event name them). A failure to queue is logged and never fails the import.
    /// </summary>
    private async Task RerunAsync(Guid batchId, string createdBy, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            ActFor(scope.ServiceProvider, createdBy);
            if (scope.ServiceProvider.GetService<RerunAfterImport>() is { } rerun)
            {
                var result = await rerun.HandleAsync(batchId, createdBy, ct);
                if (result.Succeeded && result.Value.Queued.Count > 0)
                {
                    LogRerun(result.Value.Queued.Count, batchId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down after the commit: the lists stay marked out of date.
        }
#pragma warning disable CA1031 // The import has committed; a re-run that could not be queued is logged, the lists stay marked out of date.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogRerunFailed(exception, batchId);
        }
    }

    /// <summary>
    /// The job's writes (its batch row and the audit events of the import and of its status) name
    /// the user who uploaded it, not "system": the web host's actor reads <see cref="JobAuditActor"/>
    /// when no request is signed in. Hosts without it (the command line) keep their own actor.
    /// </summary>
    private static void ActFor(IServiceProvider services, string createdBy)
    {
        if (services.GetService<JobAuditActor>() is { } actor)
        {
            actor.Name = createdBy;
        }
    }

    /// <summary>The final state, through the change tracker so it is audited; never cancelled half-way.</summary>
    private async Task FinishAsync(ImportJob started, Action<ImportJob> apply)
    {
        await using var scope = scopes.CreateAsyncScope();
        ActFor(scope.ServiceProvider, started.CreatedBy);
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var job = await db.ImportJobs.SingleAsync(j => j.Id == started.Id, CancellationToken.None);
        apply(job);
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Complete(ImportJob job, ImportOutcome outcome)
    {
        job.Status = outcome.Committed ? ImportJobStatus.Succeeded
            : outcome.State is PlanState.Planned or PlanState.Stale or PlanState.NeedsForce ? ImportJobStatus.AwaitingConfirmation
            : ImportJobStatus.Rejected;
        job.Plan = outcome.Plan is { } plan ? StoredPlan.ToJson(plan, outcome.State) : null;
        job.ConfirmedPlan = null;
        job.Force = false;
        job.BatchId = outcome.BatchId;
        job.Committed = outcome.Committed;
        job.RowsRead = Math.Max(job.RowsRead, outcome.RowsRead);
        job.RowsValid = outcome.RowsValid;
        job.RowsInvalid = outcome.RowsInvalid;
        job.Inserted = outcome.Inserted;
        job.Updated = outcome.Updated;
        job.Unchanged = outcome.Unchanged;
        job.Ended = outcome.Ended;
        job.FirstIssues = outcome.FirstIssues.Count == 0 ? null : JsonSerializer.Serialize(outcome.FirstIssues.Take(ImportJobView.IssuesShown));
        job.ReportCsvPath = outcome.ReportCsvPath is null ? null : ImportFiles.Relative(host.DataDirectory, outcome.ReportCsvPath);
        job.ReportXlsxPath = outcome.ReportXlsxPath is null ? null : ImportFiles.Relative(host.DataDirectory, outcome.ReportXlsxPath);
        job.Phase = "done";
    }

    private static void Fail(ImportJob job, ValidationError error)
    {
        job.Status = ImportJobStatus.Failed;
        job.Error = ImportFileErrors.Store(error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import recovery: {Interrupted} interrupted job(s) marked failed, {Queued} queued job(s) queued again")]
    private partial void LogRecovered(int interrupted, int queued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import batch {BatchId} queued {Runs} reconciliation re-run(s)")]
    private partial void LogRerun(int runs, Guid batchId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import batch {BatchId} committed but its reconciliation re-run could not be queued")]
    private partial void LogRerunFailed(Exception exception, Guid batchId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed")]
    private partial void LogFailed(Exception exception, Guid jobId);
}
