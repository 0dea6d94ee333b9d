using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Domain.Coverage;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;
using Lindung.Domain.Validation;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>How far a run is: its phase and, where the phase can tell, roster workers done of the total.</summary>
internal sealed record ReconcileProgress(string Phase, int Done, int Total);

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
    public const string PhaseLoading = "loading";
    public const string PhaseMatching = "matching";
    public const string PhaseSaving = "saving";
    public const string PhaseDone = "done";

    private const int BatchSize = 1000;

    /// <summary>A run as asked for, before it runs: the worker or <see cref="RunAsync(LindungDbContext, string, Guid?, string, RateBook, TimeProvider, IProgress{ReconcileProgress}?, CancellationToken)"/> takes it from here.</summary>
    public static ReconciliationRun Request(string regionCode, Guid? agencyId, string actor, TimeProvider clock, ReconciliationRunStatus status) => new()
    {
        RegionCode = regionCode,
        AgencyId = agencyId,
        StartedAt = clock.GetUtcNow().UtcDateTime,
        StartedBy = actor,
        AsOf = clock.Today(),
        Status = status,
    };

    /// <summary>
    /// Reconciles in this process (the CLI, tests): stores a Running run, runs it, and settles it as
    /// Cancelled or Failed when it does not finish.
    /// </summary>
    public static async Task<ReconciliationRun> RunAsync(
        LindungDbContext db, string regionCode, Guid? agencyId, string actor, RateBook rates, TimeProvider clock, IProgress<ReconcileProgress>? progress, CancellationToken ct)
    {
        var run = Request(regionCode, agencyId, actor, clock, ReconciliationRunStatus.Running);
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        try
        {
            return await RunAsync(db, run.Id, rates, clock, progress, ct);
        }
        catch (OperationCanceledException)
        {
            await SettleAsync(db, run.Id, ReconciliationRunStatus.Cancelled, null, clock);
            throw;
        }
        catch
        {
            await SettleAsync(db, run.Id, ReconciliationRunStatus.Failed, ReconciliationErrors.Unexpected, clock);
            throw;
        }
    }

    public static Task<ReconciliationRun> RunAsync(
        LindungDbContext db, string regionCode, Guid? agencyId, string actor, RateBook rates, TimeProvider clock, CancellationToken ct) =>
        RunAsync(db, regionCode, agencyId, actor, rates, clock, null, ct);

    /// <summary>
    /// Runs a stored run: reads, matches, then writes results, links and the run's counts in one
    /// transaction, so a cancelled or interrupted run leaves nothing of itself. Matching is one
    /// parallel step that cannot be stopped half-way; a cancel is seen before and after it and at
    /// every batch written.
    /// </summary>
    public static async Task<ReconciliationRun> RunAsync(
        LindungDbContext db, Guid runId, RateBook rates, TimeProvider clock, IProgress<ReconcileProgress>? progress, CancellationToken ct)
    {
        var run = await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var today = run.AsOf;
        var region = new[] { run.RegionCode };
        var settings = ReconcileSettings.Default;

        progress?.Report(new ReconcileProgress(PhaseLoading, 0, 0));
        var memory = new ReviewMemory(await db.MatchDecisions.AsNoTracking()
            .Where(RegionFilter.Within<MatchDecision>(region))
            .Select(d => new ReviewDecision(d.RosterNik, d.Kpj, d.Accepted, d.Method, d.Score))
            .ToListAsync(ct));
        var index = await BuildIndexAsync(db, region, today, ct);
        var everyone = await RosterAsync(db, region, run.AgencyId, today, ct);
        progress?.Report(new ReconcileProgress(PhaseMatching, 0, everyone.Count));
        var matched = new Reconciler(index, settings, memory).Run(everyone.Select(r => r.Record));
        ct.ThrowIfCancellationRequested();

        // A foreign worker who is no member yet and not yet required to be is in no gap: left out.
        var since = await ForeignWorkingSinceAsync(db, region, ct);
        var rule = ForeignMembershipRule.InForce(rates, today);
        var kept = Enumerable.Range(0, everyone.Count)
            .Where(i => !(matched[i].Outcome == ReconcileOutcome.NotRegistered
                && since.TryGetValue(everyone[i].WorkerId, out var start) && !rule.IsDue(start, today)))
            .ToList();
        var roster = kept.ConvertAll(i => everyone[i]);
        var results = kept.ConvertAll(i => matched[i]);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var start = 0; start < results.Count; start += BatchSize)
        {
            progress?.Report(new ReconcileProgress(PhaseSaving, start, results.Count));
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

        // Tracked, so the audit trail shows the run turning Succeeded with its counts.
        var stored = await db.ReconciliationRuns.SingleAsync(r => r.Id == runId, ct);
        Count(stored, results);
        stored.ForeignNotYetDue = everyone.Count - results.Count;
        stored.Status = ReconciliationRunStatus.Succeeded;
        stored.Phase = PhaseDone;
        stored.Done = stored.Total = results.Count;
        stored.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        progress?.Report(new ReconcileProgress(PhaseDone, results.Count, results.Count));
        return stored;
    }

    /// <summary>
    /// Ends a run that did not finish, as its owner sees it (never cancelled itself). Only a run that
    /// succeeded is left as it is: the owner's word beats a web app's startup that took a run of this
    /// process (the CLI) for one it had left behind.
    /// </summary>
    public static async Task SettleAsync(LindungDbContext db, Guid runId, ReconciliationRunStatus status, ValidationError? error, TimeProvider clock)
    {
        db.ChangeTracker.Clear();
        var run = await db.ReconciliationRuns.SingleOrDefaultAsync(
            r => r.Id == runId && r.Status != ReconciliationRunStatus.Succeeded, CancellationToken.None);
        if (run is null)
        {
            return;
        }

        run.Status = status;
        run.Error = error?.Code;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
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

    /// <summary>
    /// When each foreign worker of the region started working here: their first employment in the
    /// registry (the earliest version's start, whichever agency or employer).
    /// </summary>
    private static async Task<Dictionary<Guid, DateOnly>> ForeignWorkingSinceAsync(LindungDbContext db, string[] region, CancellationToken ct) =>
        await db.Employments.AsNoTracking()
            .Where(RegionFilter.Within<Employment>(region))
            .Join(db.Workers.Where(w => w.Nationality != null), e => e.WorkerId, w => w.Id, (e, w) => e)
            .GroupBy(e => e.WorkerId)
            .Select(g => new { WorkerId = g.Key, Since = g.Min(e => e.ValidFrom) })
            .ToDictionaryAsync(x => x.WorkerId, x => x.Since, ct);

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

    private static void Count(ReconciliationRun run, List<ReconcileResult> results)
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
