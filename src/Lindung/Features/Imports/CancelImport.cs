using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>
/// Cancels a job: one not yet started turns Cancelled at once (an atomic update, so the worker that
/// would pick it up sees it and skips it); a running one is signalled and turns Cancelled when the
/// runner stops and rolls back. False when the job had already finished.
/// </summary>
internal static class CancelImport
{
    public static async Task<bool> CancelAsync(LindungDbContext db, ImportJobQueue queue, Guid jobId, DateTime now, CancellationToken ct)
    {
        var waiting = await db.ImportJobs
            .Where(j => j.Id == jobId && (j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.AwaitingMapping
                || j.Status == ImportJobStatus.AwaitingConfirmation))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Cancelled).SetProperty(j => j.FinishedAt, now), ct);
        return waiting == 1 || queue.CancelRunning(jobId);
    }
}
