using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// Which run an agency's results come from today: the newest run that holds results for it. Runs
/// are few, so each is probed through the (run, agency) index rather than scanning the results.
/// </summary>
internal static class LatestRuns
{
    /// <summary>Runs holding results of the agency, newest first.</summary>
    public static IQueryable<ReconciliationRun> OfAgency(LindungDbContext db, Guid agencyId) =>
        db.ReconciliationRuns
            .Where(run => db.ReconciliationResults.Any(r => r.RunId == run.Id && r.AgencyId == agencyId))
            .OrderByDescending(run => run.StartedAt).ThenByDescending(run => run.Id);

    /// <summary>The latest run of each of these agencies that has been reconciled (agency → run).</summary>
    public static async Task<Dictionary<Guid, Guid>> OfAgenciesAsync(LindungDbContext db, IQueryable<Agency> agencies, CancellationToken ct)
    {
        var latest = await agencies
            .Select(a => new
            {
                a.Id,
                RunId = db.ReconciliationRuns
                    .Where(run => db.ReconciliationResults.Any(r => r.RunId == run.Id && r.AgencyId == a.Id))
                    .OrderByDescending(run => run.StartedAt).ThenByDescending(run => run.Id)
                    .Select(run => (Guid?)run.Id)
                    .FirstOrDefault(),
            })
            .Where(x => x.RunId != null)
            .ToListAsync(ct);
        return latest.ToDictionary(x => x.Id, x => x.RunId!.Value);
    }
}

/// <summary>
/// "Data berubah sejak rekonsiliasi terakhir": an agency's latest run is out of date once its roster
/// or the membership extract of its regency is imported (or such an import undone) after the run
/// started. Derived from the import batches, which are few, so nothing has to be marked.
/// </summary>
internal static class Staleness
{
    /// <summary>When the data last changed after <paramref name="since"/>; null while the run still holds.</summary>
    public static async Task<DateTime?> ChangedSinceAsync(LindungDbContext db, Agency agency, DateTime since, CancellationToken ct)
    {
        var regency = agency.RegionCode.Length > 5 ? agency.RegionCode[..5] : agency.RegionCode;
        var batches = db.ImportBatches.AsNoTracking()
            .Where(b => (b.Kind == ImportKind.Roster && b.AgencyId == agency.Id) || (b.Kind == ImportKind.Members && b.RegionCode.StartsWith(regency)));
        var imported = await batches.Where(b => b.ImportedAt > since).MaxAsync(b => (DateTime?)b.ImportedAt, ct);
        var undone = await batches.Where(b => b.UndoneAt > since).MaxAsync(b => b.UndoneAt, ct);
        return imported is null ? undone : undone is null ? imported : imported > undone ? imported : undone;
    }

    /// <summary>
    /// Whether a run that will read the data changed at <paramref name="changedAt"/> is on its way for the
    /// agency: one of it or of its whole regency, still queued, or running since that change.
    /// </summary>
    public static Task<bool> RerunPendingAsync(LindungDbContext db, Agency agency, DateTime changedAt, CancellationToken ct)
    {
        var regency = StartRun.Regency(agency.RegionCode);
        return db.ReconciliationRuns.AsNoTracking().AnyAsync(
            r => r.RegionCode == regency && (r.AgencyId == null || r.AgencyId == agency.Id)
                && (r.Status == ReconciliationRunStatus.Queued || (r.Status == ReconciliationRunStatus.Running && r.StartedAt >= changedAt)),
            ct);
    }
}
