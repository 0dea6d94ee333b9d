using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// Reconciliation over the registry: the region's memberships in force streamed into the domain
/// <see cref="MemberIndex"/>, the current agency employments as roster rows, the same
/// <see cref="Reconciler"/> as <c>lindung reconcile</c> (with the review decisions remembered), then
/// one stored result per roster worker, written in batches so memory stays bounded by the index and
/// the roster, never by the change tracker. Confirmed repaired and name-and-birth-date matches link
/// the membership to the roster worker (audited), so "the worker has an active membership" stays the
/// one coverage rule everywhere.
/// </summary>
internal static class ReconciliationRunner
{
    private const int BatchSize = 1000;

    public static async Task<ReconciliationRun> RunAsync(
        LindungDbContext db, string regionCode, Guid? agencyId, string actor, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var region = new[] { regionCode };
        var settings = ReconcileSettings.Default;

        var memory = new ReviewMemory(await db.MatchDecisions.AsNoTracking()
            .Where(RegionFilter.Within<MatchDecision>(region))
            .Select(d => new ReviewDecision(d.RosterNik, d.Kpj, d.Accepted, d.Method, d.Score))
            .ToListAsync(ct));
        var index = await BuildIndexAsync(db, region, today, ct);
        var roster = await RosterAsync(db, region, agencyId, today, ct);
        var results = new Reconciler(index, settings, memory).Run(roster.Select(r => r.Record));

        var run = new ReconciliationRun { RegionCode = regionCode, AgencyId = agencyId, StartedAt = startedAt, StartedBy = actor, AsOf = today };
        Count(run, results);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        for (var start = 0; start < results.Count; start += BatchSize)
        {
            for (var i = start; i < Math.Min(start + BatchSize, results.Count); i++)
            {
                db.ReconciliationResults.Add(ToEntity(run.Id, roster[i], results[i]));
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var confirmed = results
            .Select((r, i) => (Result: r, Row: roster[i]))
            .Where(x => x.Result.Kpj is not null && x.Result.Method is MatchMethod.NikRepaired or MatchMethod.NameDob)
            .Select(x => (Kpj: x.Result.Kpj!, x.Row.WorkerId))
            .ToList();
        await MembershipLinks.LinkAsync(db, confirmed, ct);

        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        db.ReconciliationRuns.Attach(run);
        db.Entry(run).Property(r => r.FinishedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return run;
    }

    /// <summary>Memberships in force today in the region, each with its worker's NIK, name, birth date and sex.</summary>
    private static async Task<MemberIndex> BuildIndexAsync(LindungDbContext db, string[] region, DateOnly today, CancellationToken ct)
    {
        var index = new MemberIndex(new NikValidator(AreaDirectory.Embedded), today);
        var rows = db.Memberships.AsNoTracking().ValidOn(today)
            .Where(RegionFilter.Within<Membership>(region))
            .Join(db.Workers, m => m.WorkerId, w => w.Id, (m, w) => new { m.Kpj, w.Nik, w.Name, w.BirthDate, w.Sex, m.Status, m.Programs, m.ReportedWage })
            .AsAsyncEnumerable();
        await foreach (var m in rows.WithCancellation(ct))
        {
            index.Add(new MemberRecord(m.Kpj, m.Nik, m.Name, m.BirthDate, m.Sex, m.Status == MembershipStatus.Active, m.Programs, m.ReportedWage));
        }

        index.Seal();
        return index;
    }

    private static async Task<List<RosterRow>> RosterAsync(LindungDbContext db, string[] region, Guid? agencyId, DateOnly today, CancellationToken ct)
    {
        var employments = db.Employments.AsNoTracking().ValidOn(today)
            .Where(RegionFilter.Within<Employment>(region))
            .Where(e => e.AgencyId != null);
        if (agencyId is { } only)
        {
            employments = employments.Where(e => e.AgencyId == only);
        }

        var rows = new List<RosterRow>();
        var query = employments
            .Join(db.Workers, e => e.WorkerId, w => w.Id, (e, w) => new { e.AgencyId, e.MonthlyWage, e.RegionCode, WorkerId = w.Id, w.Nik, w.Name, w.BirthDate, w.Sex, Area = w.RegionCode })
            .OrderBy(x => x.AgencyId).ThenBy(x => x.WorkerId)
            .AsAsyncEnumerable();
        await foreach (var x in query.WithCancellation(ct))
        {
            var record = new RosterRecord(rows.Count + 1, x.Nik, x.Name, x.BirthDate, x.Sex, x.Area, x.MonthlyWage);
            rows.Add(new RosterRow(record, x.WorkerId, x.AgencyId!.Value, x.RegionCode));
        }

        return rows;
    }

    private static ReconciliationResult ToEntity(Guid runId, RosterRow row, ReconcileResult result) => new()
    {
        RunId = runId,
        AgencyId = row.AgencyId,
        WorkerId = row.WorkerId,
        RosterWage = row.Record.Wage ?? 0,
        Outcome = result.Outcome,
        Method = result.Method,
        Score = result.Score,
        Kpj = result.Kpj,
        WageUnderreported = result.Gaps.HasFlag(CoverageGap.WageUnderreported),
        ProgramMissing = result.Gaps.HasFlag(CoverageGap.ProgramMissing),
        ReportedWage = result.MemberWage,
        MemberPrograms = result.MemberPrograms,
        Candidates = ReviewCandidates.Format(result.Candidates),
        RegionCode = row.RegionCode,
    };

    private static void Count(ReconciliationRun run, IReadOnlyList<ReconcileResult> results)
    {
        run.RosterRows = results.Count;
        run.CoveredActive = results.Count(r => r.Outcome == ReconcileOutcome.CoveredActive);
        run.CoveredInactive = results.Count(r => r.Outcome == ReconcileOutcome.CoveredInactive);
        run.NotRegistered = results.Count(r => r.Outcome == ReconcileOutcome.NotRegistered);
        run.NeedsReview = results.Count(r => r.Outcome == ReconcileOutcome.NeedsReview);
        run.InvalidRow = results.Count(r => r.Outcome == ReconcileOutcome.InvalidRow);
        run.WageUnderreported = results.Count(r => r.Gaps.HasFlag(CoverageGap.WageUnderreported));
        run.ProgramMissing = results.Count(r => r.Gaps.HasFlag(CoverageGap.ProgramMissing));
    }

    private sealed record RosterRow(RosterRecord Record, Guid WorkerId, Guid AgencyId, string RegionCode);
}
