using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Reconciliation;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>An agency's gap list from its latest reconciliation run; <see cref="Run"/> is null before the first.</summary>
internal sealed record AgencyGapList(Agency Agency, ReconciliationRun? Run, IReadOnlyList<GapLine> Lines, IReadOnlyList<GapTotal> Totals)
{
    public int Workers(GapKind kind) => Totals.Where(t => t.Kind == kind).Sum(t => t.Workers);

    public long Monthly(GapKind kind) => Totals.Where(t => t.Kind == kind).Sum(t => t.Monthly);

    public long MonthlyTotal => Totals.Sum(t => t.Monthly);
}

/// <summary>Who to register, reactivate, correct or complete at one agency, and what each costs per month.</summary>
internal static class AgencyGaps
{
    private static readonly ReconcileOutcome[] WithGaps = [ReconcileOutcome.NotRegistered, ReconcileOutcome.CoveredInactive, ReconcileOutcome.CoveredActive];

    /// <summary>Null when the agency does not exist or is outside the caller's scope.</summary>
    public static async Task<AgencyGapList?> LoadAsync(
        LindungDbContext db, AccessScope scope, Guid agencyId, GapPricing pricing, bool fullNik, CancellationToken ct)
    {
        var agency = await db.AgenciesFor(scope).AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return null;
        }

        var results = db.ReconciliationResultsFor(scope).Where(r => r.AgencyId == agencyId);
        var runId = await results.OrderByDescending(r => r.Run!.StartedAt).Select(r => (Guid?)r.RunId).FirstOrDefaultAsync(ct);
        if (runId is null)
        {
            return new AgencyGapList(agency, null, [], []);
        }

        var run = await db.ReconciliationRuns.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        var rows = await results
            .Where(r => r.RunId == runId && WithGaps.Contains(r.Outcome))
            .Where(r => r.Outcome != ReconcileOutcome.CoveredActive || r.WageUnderreported || r.ProgramMissing)
            .Join(db.Workers, r => r.WorkerId, w => w.Id, (r, w) => new { r, w.Name, w.Nik })
            .OrderBy(x => x.Name).ThenBy(x => x.r.Id)
            .ToListAsync(ct);

        var lines = rows
            .SelectMany(x => GapCalculator.Gaps(Input(x.r), pricing).Select(g => new GapLine(
                agency.Name, x.r.WorkerId, x.Name, fullNik ? x.Nik : Domain.Identifiers.Nik.Mask(x.Nik), x.r.Kpj, g.Kind, x.r.RosterWage, x.r.ReportedWage, g.Monthly)))
            .OrderBy(l => l.Kind)
            .ToList();
        return new AgencyGapList(agency, run, lines, GapList.Summarize(lines.Select(l => (l.Agency, l.Kind, l.Monthly))));
    }

    public static GapInput Input(ReconciliationResult r) =>
        new(r.Outcome, r.WageUnderreported, r.ProgramMissing, r.RosterWage, r.ReportedWage, r.MemberPrograms);
}
