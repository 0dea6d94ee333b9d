using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>One row of the case list: the employer, where the case stands, its deadline and what was recovered.</summary>
internal sealed record CaseRow(
    Guid Id,
    string Number,
    Guid EmployerId,
    string EmployerName,
    string? Npp,
    string Violations,
    EnforcementStage Stage,
    DateOnly StageOn,
    DateOnly? DueOn,
    bool Overdue,
    EnforcementOutcome? Outcome,
    long AmountRecovered,
    string RegionCode,
    string? ProsecutorRegion);

/// <summary>A month of the report: cases opened, closed, closed with compliance, and rupiah recovered that month.</summary>
internal sealed record CaseMonth(string Month, int Opened, int Closed, int Complied, long Recovered);

/// <summary>The figures a branch and a region report on: open cases by stage, overdue, outcomes and recoveries, month by month.</summary>
internal sealed record CaseReport(
    IReadOnlyDictionary<EnforcementStage, int> OpenByStage,
    int Overdue,
    int Sanctioned,
    IReadOnlyDictionary<EnforcementOutcome, int> ClosedByOutcome,
    long AmountRecovered,
    IReadOnlyList<CaseMonth> Months);

internal sealed record CaseList(IReadOnlyList<CaseRow> Cases, int Total, CaseReport Report);

/// <summary>What to list: one stage, only overdue cases, open or closed ones.</summary>
internal sealed record CaseFilter(EnforcementStage? Stage = null, bool OverdueOnly = false, bool? Open = true, int Limit = 200);

/// <summary>
/// The cases the caller may see, overdue first then by deadline, with the report of the same cases
/// (the filter narrows the list, not the report). Overdue means an open case past the day its stage's
/// window ended, a working day on the region's calendar.
/// </summary>
internal sealed class ListCases(LindungDbContext db, TimeProvider clock)
{
    public async Task<CaseList> HandleAsync(CaseFilter filter, AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var visible = EnforcementAccess.Visible(db, scope).AsNoTracking();
        var rows = visible;
        if (filter.Open is { } open)
        {
            rows = open ? rows.Where(c => c.Outcome == null) : rows.Where(c => c.Outcome != null);
        }

        if (filter.Stage is { } stage)
        {
            rows = rows.Where(c => c.Stage == stage);
        }

        if (filter.OverdueOnly)
        {
            rows = rows.Where(c => c.Outcome == null && c.DueOn < today);
        }

        var total = await rows.CountAsync(ct);
        var page = await rows
            .OrderBy(c => c.Outcome != null).ThenBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenBy(c => c.Number)
            .Take(Math.Clamp(filter.Limit, 1, 1000))
            .Select(c => new CaseRow(
                c.Id, c.Number, c.EmployerId, c.Employer!.Name, c.Npp, c.Violations, c.Stage, c.StageOn, c.DueOn,
                c.Outcome == null && c.DueOn < today, c.Outcome, c.AmountRecovered, c.RegionCode, c.ProsecutorRegion))
            .ToListAsync(ct);
        return new CaseList(page, total, await ReportAsync(visible, today, ct));
    }

    private async Task<CaseReport> ReportAsync(IQueryable<EnforcementCase> cases, DateOnly today, CancellationToken ct)
    {
        var open = await cases.Where(c => c.Outcome == null).GroupBy(c => c.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count(), Overdue = g.Count(c => c.DueOn < today) }).ToListAsync(ct);
        var closed = await cases.Where(c => c.Outcome != null).GroupBy(c => c.Outcome)
            .Select(g => new { Outcome = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);
        var recovered = await cases.SumAsync(c => (long?)c.AmountRecovered, ct) ?? 0;

        // The last twelve months from the steps of these cases: openings, closings and the rupiah each move recovered.
        var since = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var ids = cases.Select(c => c.Id);
        var steps = await db.EnforcementSteps.AsNoTracking()
            .Where(s => ids.Contains(s.CaseId) && s.On >= since && (s.Kind == EnforcementStepKind.Opened || s.Kind == EnforcementStepKind.Closed || s.Amount != null))
            .Select(s => new { s.On, s.Kind, s.Outcome, s.Amount })
            .ToListAsync(ct);
        var months = Enumerable.Range(0, 12).Select(i => since.AddMonths(i)).Select(m =>
        {
            var inMonth = steps.Where(s => s.On.Year == m.Year && s.On.Month == m.Month).ToList();
            return new CaseMonth(
                $"{m:yyyy-MM}",
                inMonth.Count(s => s.Kind == EnforcementStepKind.Opened),
                inMonth.Count(s => s.Kind == EnforcementStepKind.Closed),
                inMonth.Count(s => s.Kind == EnforcementStepKind.Closed && s.Outcome is EnforcementOutcome.Complied or EnforcementOutcome.ArrearsPaid or EnforcementOutcome.Settled),
                inMonth.Where(s => s.Kind != EnforcementStepKind.Advanced).Sum(s => s.Amount ?? 0));
        }).ToList();
        return new CaseReport(
            open.ToDictionary(o => o.Stage, o => o.Count),
            open.Sum(o => o.Overdue),
            open.Where(o => EnforcementLadder.WithholdsServices(o.Stage)).Sum(o => o.Count),
            closed.ToDictionary(c => c.Outcome, c => c.Count),
            recovered,
            months);
    }
}
