using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Branches;

/// <summary>
/// A branch's figures on one day, as seed reports quote them: per regency of its working area that
/// day, active participants per segment (PU, BPU, JAKON, PMI) and PU employers, and their totals.
/// <see cref="Partial"/> is true when the caller's regions hold only part of the working area: the
/// regencies outside are left out (<see cref="RegenciesOutsideScope"/> says how many) and the totals
/// are those of the regencies shown, never presented as the branch's.
/// </summary>
internal sealed record BranchCoverageReport(
    string Code,
    string Name,
    string SeatRegionCode,
    DateOnly Date,
    bool Live,
    DateTime? TakenAt,
    IReadOnlyList<SegmentRegionFigure> Regencies,
    bool Partial,
    int RegenciesOutsideScope)
{
    public IReadOnlyDictionary<string, int> BySegment { get; } = SegmentCodes.Ordered.ToDictionary(
        SegmentCodes.Of, s => Regencies.Sum(r => r.Active.GetValueOrDefault(SegmentCodes.Of(s))), StringComparer.Ordinal);

    public int TotalActive => BySegment.Values.Sum();

    /// <summary>Each employer is counted once, in its own regency, so the regencies' counts add up without double counting.</summary>
    public int PuEmployers => Regencies.Sum(r => r.PuEmployers);
}

/// <summary>A branch as a caller sees it on one day: its working area then, limited to the caller's regions.</summary>
internal sealed record BranchSummary(string Code, string Name, string SeatRegionCode, IReadOnlyList<string> Regencies, bool Partial);

/// <summary>
/// Reads branches and their coverage in the caller's scope. A caller limited to regions sees a
/// branch when its working area that day holds at least one regency inside those regions, and sees
/// only those regencies' figures. The figures come from <see cref="CoverageMeasures.ParticipantsAsync"/>,
/// the same per-regency counts the coverage report and snapshots use: the stored snapshot when its day
/// is the day asked, else computed for that day.
/// </summary>
internal sealed class BranchCoverage(LindungDbContext db)
{
    public async Task<IReadOnlyList<BranchSummary>> ListAsync(ReportScope scope, DateOnly date, CancellationToken ct)
    {
        if (!scope.SeesRegions)
        {
            return [];
        }

        var branches = await db.BranchOffices.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct);
        var areas = await AreasOnAsync(date, ct);
        var list = new List<BranchSummary>();
        foreach (var branch in branches)
        {
            var regencies = areas.GetValueOrDefault(branch.Id) ?? [];
            var visible = regencies.Where(scope.Allows).ToList();
            if (scope.Regions is null || visible.Count > 0)
            {
                list.Add(new BranchSummary(branch.Code, branch.Name, branch.RegionCode, visible, visible.Count < regencies.Count));
            }
        }

        return list;
    }

    public async Task<UseCaseResult<BranchCoverageReport>> CoverageAsync(string? code, DateOnly date, DateOnly today, ReportScope scope, CancellationToken ct)
    {
        if (date > today)
        {
            return BranchErrors.DateInFuture;
        }

        var normalized = ManageBranches.NormalizeCode(code);
        var branch = normalized is null || !scope.SeesRegions ? null : await db.BranchOffices.AsNoTracking().FirstOrDefaultAsync(b => b.Code == normalized, ct);
        if (branch is null)
        {
            return BranchErrors.NotFound;
        }

        var regencies = (await AreasOnAsync(date, ct)).GetValueOrDefault(branch.Id) ?? [];
        var visible = regencies.Where(scope.Allows).ToList();
        if (scope.Regions is not null && visible.Count == 0)
        {
            // Outside the caller's regions the branch does not exist for them.
            return BranchErrors.NotFound;
        }

        var (rows, live, takenAt) = await ParticipantRowsAsync(date, ct);
        var byRegency = rows.GroupBy(r => RegencyOf(r.RegionCode), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var figures = visible.Order(StringComparer.Ordinal).Select(regency =>
        {
            var own = byRegency.GetValueOrDefault(regency) ?? [];
            return new SegmentRegionFigure(
                regency,
                CoverageReportBuilder.AreaName(regency),
                SegmentCodes.Ordered.ToDictionary(SegmentCodes.Of, s => own.Where(r => r.Dimension == SnapshotDimension.Segment && r.Key == SegmentCodes.Of(s)).Sum(r => r.Active), StringComparer.Ordinal),
                own.Where(r => r.Dimension == SnapshotDimension.PuEmployers).Sum(r => r.Active));
        }).ToList();
        return UseCaseResult<BranchCoverageReport>.Ok(new BranchCoverageReport(
            branch.Code, branch.Name, branch.RegionCode, date, live, takenAt, figures, visible.Count < regencies.Count, regencies.Count - visible.Count));
    }

    /// <summary>Per branch, the regencies in its working area on <paramref name="date"/>.</summary>
    private async Task<Dictionary<Guid, List<string>>> AreasOnAsync(DateOnly date, CancellationToken ct) =>
        (await db.BranchWorkingAreas.AsNoTracking()
            .Where(w => w.ValidFrom <= date && (w.ValidTo == null || w.ValidTo > date))
            .Select(w => new { w.BranchId, w.RegionCode })
            .ToListAsync(ct))
        .GroupBy(w => w.BranchId)
        .ToDictionary(g => g.Key, g => g.Select(w => w.RegionCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    /// <summary>The month's stored participant rows when they describe exactly that day, else the day computed (not stored).</summary>
    private async Task<(List<CoverageSnapshot> Rows, bool Live, DateTime? TakenAt)> ParticipantRowsAsync(DateOnly date, CancellationToken ct)
    {
        var month = new DateOnly(date.Year, date.Month, 1);
        var stored = await db.CoverageSnapshots.AsNoTracking()
            .Where(s => s.Month == month && (s.Dimension == SnapshotDimension.Segment || s.Dimension == SnapshotDimension.PuEmployers))
            .ToListAsync(ct);
        if (stored.Count > 0 && stored.All(s => s.AsOf == date))
        {
            return (stored, false, stored.Max(s => s.TakenAt));
        }

        return (await CoverageMeasures.ParticipantsAsync(db, date, ct), true, null);
    }

    /// <summary>Memberships sit at regency level; a finer code still counts in its regency.</summary>
    private static string RegencyOf(string code) => code.Length > 5 ? code[..5] : code;
}
