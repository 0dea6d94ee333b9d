using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Reconciliation;

/// <summary>Settings of reconciliation, from the <c>Reconciliation</c> configuration section.</summary>
internal sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>
    /// Whether a committed (or undone) roster or membership-extract import queues a re-run of the
    /// reconciliations it made out of date. On by default; <c>Reconciliation__RerunAfterImport=false</c>
    /// switches it off for the whole installation (the lists then stay marked out of date until someone runs them).
    /// </summary>
    public bool RerunAfterImport { get; set; } = true;

    /// <summary>
    /// A membership extract of a regency whose agencies were reconciled one by one re-runs them one by
    /// one up to this many agencies; beyond it, the regency is re-run as a whole in one run.
    /// </summary>
    public int MaxAgencyReruns { get; set; } = 5;
}

/// <summary>One reconciliation scope: a regency, or one agency in it.</summary>
internal sealed record RerunScope(string RegionCode, Guid? AgencyId);

/// <summary>
/// What re-running after an import did: the runs it queued, the scopes already waiting for a queued run
/// (coalesced: a newer import never queues a second one), and those it left alone because they were never
/// reconciled. Empty when the installation switched re-runs off.
/// </summary>
internal sealed record RerunOutcome(IReadOnlyList<Guid> Queued, IReadOnlyList<RerunScope> AlreadyQueued, bool Disabled = false);

/// <summary>
/// After an import commits (or is undone), queues a background re-run of the reconciliations it made out of
/// date ("Data berubah sejak rekonsiliasi terakhir"), started by the user who started the import:
/// <list type="bullet">
/// <item>a roster of an agency re-runs that agency, when it has reconciled results;</item>
/// <item>a membership extract of a regency re-runs the regency when it was reconciled as a whole, else each
/// agency of it that was reconciled on its own (the whole regency once they are more than
/// <see cref="ReconciliationOptions.MaxAgencyReruns"/>).</item>
/// </list>
/// Nothing is reconciled for the first time here. A scope with a run still queued is left to that run
/// (it reads the data when it starts); the worker runs one run at a time, so re-runs never overlap.
/// </summary>
internal sealed class RerunAfterImport(LindungDbContext db, ReconciliationJobQueue queue, IOptions<ReconciliationOptions> options, TimeProvider clock)
{
    public static readonly UseCaseError BatchUnknown = UseCaseError.Of(
        "BATCH_UNKNOWN", "Impor tidak ditemukan.", "No such import.", "batch_id");

    public async Task<UseCaseResult<RerunOutcome>> HandleAsync(Guid batchId, string actor, CancellationToken ct)
    {
        if (!options.Value.RerunAfterImport)
        {
            return UseCaseResult<RerunOutcome>.Ok(new RerunOutcome([], [], Disabled: true));
        }

        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => new { b.Kind, b.AgencyId, b.RegionCode, AgencyRegion = b.Agency != null ? b.Agency.RegionCode : null })
            .SingleOrDefaultAsync(ct);
        if (batch is null)
        {
            return BatchUnknown;
        }

        var scopes = batch.Kind switch
        {
            ImportKind.Roster when batch.AgencyId is { } agency && batch.AgencyRegion is { } region => await AgencyScopeAsync(agency, region, ct),
            ImportKind.Members when batch.RegionCode.Length >= 5 => await RegencyScopesAsync(batch.RegionCode[..5], ct),
            _ => [],
        };

        var waiting = new List<RerunScope>();
        var added = new List<ReconciliationRun>();
        // Checking for a queued run and adding one are one transaction under a database-wide lock, so two
        // imports finishing together — in this process or in another server on the same database — queue one run.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await QueueLock.TakeAsync(db, ct);
            foreach (var scope in scopes)
            {
                if (await WaitingAsync(scope, ct))
                {
                    waiting.Add(scope);
                    continue;
                }

                var run = ReconciliationRunner.Request(scope.RegionCode, scope.AgencyId, actor, clock, ReconciliationRunStatus.Queued);
                db.ReconciliationRuns.Add(run);
                added.Add(run);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // Handed to the worker only once committed, so it always finds the row. A full queue leaves the run
        // Cancelled with the reason, on the run list for all to see.
        var queued = new List<Guid>();
        foreach (var run in added)
        {
            if (await StartRun.EnqueueAsync(db, queue, run, clock))
            {
                queued.Add(run.Id);
            }
        }

        return UseCaseResult<RerunOutcome>.Ok(new RerunOutcome(queued, waiting));
    }

    private async Task<IReadOnlyList<RerunScope>> AgencyScopeAsync(Guid agencyId, string agencyRegion, CancellationToken ct) =>
        await LatestRuns.OfAgency(db, agencyId).AnyAsync(ct) ? [new RerunScope(StartRun.Regency(agencyRegion), agencyId)] : [];

    private async Task<IReadOnlyList<RerunScope>> RegencyScopesAsync(string regency, CancellationToken ct)
    {
        var reconciled = db.ReconciliationRuns.AsNoTracking()
            .Where(r => r.RegionCode == regency && r.Status == ReconciliationRunStatus.Succeeded);
        if (await reconciled.AnyAsync(r => r.AgencyId == null, ct))
        {
            return [new RerunScope(regency, null)];
        }

        var agencies = await reconciled.Where(r => r.AgencyId != null).Select(r => r.AgencyId!.Value).Distinct()
            .Take(options.Value.MaxAgencyReruns + 1).ToListAsync(ct);
        return agencies.Count > options.Value.MaxAgencyReruns
            ? [new RerunScope(regency, null)]
            : [.. agencies.Order().Select(a => new RerunScope(regency, a))];
    }

    /// <summary>Whether a queued run already covers the scope: its own, or its whole regency's.</summary>
    private Task<bool> WaitingAsync(RerunScope scope, CancellationToken ct) =>
        db.ReconciliationRuns.AsNoTracking().AnyAsync(
            r => r.Status == ReconciliationRunStatus.Queued && r.RegionCode == scope.RegionCode && (r.AgencyId == null || r.AgencyId == scope.AgencyId), ct);
}
