using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Reconciliation;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>What an undo put back: rows restored to their before-images and rows the batch had inserted, removed.</summary>
internal sealed record UndoneImport(Guid BatchId, int Restored, int Removed);

/// <summary>
/// Undoes one committed import: puts every registry row it changed back as it was (from the
/// batch's before-images) and removes every row it inserted, in one transaction, and marks the
/// batch undone (an audited change). Refused, with the culprit named, when a later import or a
/// change by hand touched the same rows: undoing then would silently lose that later work, so
/// the later batch must be undone first (batches undo like a stack).
/// Like an import, an undo queues the re-run of the reconciliations it made out of date (the web host's
/// <see cref="RerunAfterImport"/>; the command line has no background worker and leaves them marked).
/// </summary>
internal sealed class UndoImport(LindungDbContext db, TimeProvider clock, IAuditActor actor, RerunAfterImport? rerun = null)
{
    /// <summary>Undoes <paramref name="batchId"/>. <paramref name="scope"/> is the caller's on the web and API; null for the CLI, run by the installation's operator.</summary>
    public async Task<UseCaseResult<UndoneImport>> HandleAsync(Guid batchId, AccessScope? scope, CancellationToken ct)
    {
        var batches = scope is null ? db.ImportBatches : db.ImportBatchesFor(scope);
        var batch = await batches.SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return UndoErrors.NotFound;
        }

        if (batch.UndoneAt is not null)
        {
            return UndoErrors.AlreadyUndone(batch.UndoneAt.Value, batch.UndoneBy);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LaterBatchAsync(batch, ct) is { } later)
        {
            return UndoErrors.LaterBatch(later);
        }

        if (await LaterEditAsync(batch, ct) is { } edit)
        {
            return UndoErrors.LaterEdit(edit);
        }

        var restored = 0;
        var removed = 0;
        foreach (var step in UndoImportSql.Steps)
        {
            var rows = await db.Database.ExecuteSqlRawAsync(step.Sql, [Parameter(batchId)], ct);
            restored += step.Counts == UndoCount.Restored ? rows : 0;
            removed += step.Counts == UndoCount.Removed ? rows : 0;
        }

        batch.UndoneAt = clock.GetUtcNow().UtcDateTime;
        batch.UndoneBy = actor.Name;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (rerun is not null)
        {
            await rerun.HandleAsync(batchId, actor.Name, ct);
        }

        return UseCaseResult<UndoneImport>.Ok(new UndoneImport(batchId, restored, removed));
    }

    /// <summary>Undoes the batch an import job committed (the page and the API name jobs); a job that committed none is not found.</summary>
    public async Task<UseCaseResult<UndoneImport>> HandleJobAsync(Guid jobId, AccessScope scope, CancellationToken ct)
    {
        var job = await db.ImportJobsFor(scope).AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        return job is { Committed: true, BatchId: { } batchId } ? await HandleAsync(batchId, scope, ct) : UndoErrors.NotFound;
    }

    /// <summary>The first later batch, still standing, that changed a row this batch wrote or that builds on a person it registered.</summary>
    private async Task<ImportBatch?> LaterBatchAsync(ImportBatch batch, CancellationToken ct)
    {
        foreach (var sql in UndoImportSql.LaterWriters)
        {
            var writers = await db.Database.SqlQueryRaw<Guid?>(sql, Parameter(batch.Id)).ToListAsync(ct);
            var ids = writers.OfType<Guid>().Distinct().ToList();
            var later = await db.ImportBatches.AsNoTracking()
                .Where(b => ids.Contains(b.Id) && b.UndoneAt == null && b.ImportedAt >= batch.ImportedAt)
                .OrderBy(b => b.ImportedAt).FirstOrDefaultAsync(ct);
            if (later is not null)
            {
                return later;
            }

            if (writers.Contains(null))
            {
                // A row built on this batch's people by hand (not by an import): its audit event names who.
                return null;
            }
        }

        return null;
    }

    /// <summary>The first change by hand, after the batch, to a row the batch wrote or to a person it registered.</summary>
    private async Task<AuditEvent?> LaterEditAsync(ImportBatch batch, CancellationToken ct)
    {
        var key = batch.Id.ToString();
        var since = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == nameof(ImportBatch) && a.EntityKey == key)
            .Select(a => (long?)a.Id).MinAsync(ct) ?? 0;
        var types = new[] { nameof(Worker), nameof(Employment), nameof(Membership) };

        // Changes by hand are few next to an import's rows: read them, then ask which belong to the batch.
        var edits = (await db.AuditEvents.AsNoTracking()
                .Where(a => a.Id > since && types.Contains(a.EntityType))
                .OrderBy(a => a.Id).ToListAsync(ct))
            .Select(e => (Event: e, Id: Guid.TryParse(e.EntityKey, CultureInfo.InvariantCulture, out var id) ? id : (Guid?)null))
            .Where(e => e.Id is not null)
            .ToList();
        foreach (var chunk in edits.Chunk(500))
        {
            foreach (var type in types)
            {
                var ids = chunk.Where(e => e.Event.EntityType == type).Select(e => e.Id!.Value).Distinct().ToList();
                if (ids.Count == 0)
                {
                    continue;
                }

                var touched = (await Touched(type, batch.Id, ids).ToListAsync(ct)).ToHashSet();
                if (touched.Count > 0)
                {
                    return chunk.First(e => e.Event.EntityType == type && touched.Contains(e.Id!.Value)).Event;
                }
            }
        }

        return null;
    }

    private IQueryable<Guid> Touched(string type, Guid batchId, List<Guid> ids) => type switch
    {
        nameof(Worker) => db.Workers.Where(w => ids.Contains(w.Id) && w.ImportBatchId == batchId).Select(w => w.Id)
            .Concat(db.ImportUndoWorkers.Where(u => u.BatchId == batchId && ids.Contains(u.WorkerId)).Select(u => u.WorkerId)),
        nameof(Employment) => db.Employments.Where(e => ids.Contains(e.Id) && (e.ImportBatchId == batchId || e.Worker!.ImportBatchId == batchId)).Select(e => e.Id)
            .Concat(db.ImportUndoEmployments.Where(u => u.BatchId == batchId && ids.Contains(u.EmploymentId)).Select(u => u.EmploymentId)),
        _ => db.Memberships.Where(m => ids.Contains(m.Id) && (m.SourceExtractId == batchId || m.Worker!.ImportBatchId == batchId)).Select(m => m.Id)
            .Concat(db.ImportUndoMemberships.Where(u => u.BatchId == batchId && ids.Contains(u.MembershipId)).Select(u => u.MembershipId)),
    };

    private System.Data.Common.DbParameter Parameter(Guid batchId)
    {
        // EF converts an id as it stores ids on each provider (text on SQLite, uuid on PostgreSQL).
        var parameter = db.Database.GetDbConnection().CreateCommand().CreateParameter();
        parameter.ParameterName = "batch";
        parameter.Value = db.Database.IsNpgsql() ? batchId : SqliteText.ToText(batchId);
        return parameter;
    }
}
