using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Coverage;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Dashboard;

/// <summary>What a page or report asks for: an area (or the caller's whole scope), an agency, a month.</summary>
internal sealed record ReportRequest(string? Region = null, Guid? AgencyId = null, DateOnly? Month = null);

/// <summary>Why a report could not be built; the page answers 404, the CLI a usage error.</summary>
internal sealed class ReportNotFoundException(string message) : Exception(message);

/// <summary>
/// Builds a <see cref="CoverageReport"/> from the monthly snapshots: the requested month (the
/// current month when none), the month before it for "what changed", and twelve months of trend.
/// The current month is always read from its snapshot (taken on the first request when missing);
/// a past month with no snapshot is computed live from the registry and not stored. Headline and agency figures count agencies located in the area; the drill-down
/// counts roster workers by where they live.
/// </summary>
internal static class CoverageReportBuilder
{
    public const int TrendMonths = 12;

    public static async Task<CoverageReport> BuildAsync(LindungDbContext db, ReportScope scope, ReportRequest request, DateOnly today, CancellationToken ct)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var month = request.Month is { } m ? new DateOnly(m.Year, m.Month, 1) : thisMonth;
        if (month > thisMonth)
        {
            throw new ReportNotFoundException($"{month:yyyy-MM} is in the future.");
        }

        if (scope.OnlyAgency is { } only && request.AgencyId is { } asked && asked != only)
        {
            throw new ReportNotFoundException($"No agency {asked} in your scope.");
        }

        var agencyId = scope.OnlyAgency ?? request.AgencyId;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        Agency? agency = null;
        if (agencyId is { } id && (!agencies.TryGetValue(id, out agency) || (scope.OnlyAgency is null && !scope.Allows(agency.RegionCode))))
        {
            throw new ReportNotFoundException($"No agency {id} in your scope.");
        }

        var root = RootRegion(scope, request.Region, agency, agencies.Values);
        var key = agency?.Id.ToString();

        var (rows, live) = await MonthRowsAsync(db, month, today, ct);
        var visible = rows.Where(r => Visible(r, scope, root, key)).ToList();
        var previous = (await SnapshotRowsAsync(db, month.AddMonths(-1), ct)).Where(r => Visible(r, scope, root, key)).ToList();
        var targets = await db.CoverageTargets.AsNoTracking().Where(t => t.Year == month.Year).ToListAsync(ct);
        var thresholds = await ThresholdsAsync(db, root, ct);
        var populations = await PopulationsAsync(db, month.Year, ct);

        var agencyFigures = AgencyFigures(visible, previous, agencies, targets, thresholds);
        var agencyRows = visible.Where(r => r.Dimension == SnapshotDimension.Agency).ToList();
        var previousAgencyRows = previous.Where(r => r.Dimension == SnapshotDimension.Agency).ToList();
        var segments = scope.SeesRegions ? visible.Where(r => r.Dimension == SnapshotDimension.Segment).ToList() : [];
        var rootTarget = agency is not null ? agencyFigures.SingleOrDefault()?.TargetBasisPoints : RegionTarget(targets, root);
        var eligible = agencyRows.Sum(r => r.Eligible);
        var covered = agencyRows.Sum(r => r.Covered);
        var trend = await TrendAsync(db, scope, root, key, month, live ? visible : null, ct);
        var employers = await EmployerFiguresAsync(db, visible, ct);

        return new CoverageReport(
            month,
            visible.Count > 0 ? visible.Max(r => r.AsOf) : (month == thisMonth ? today : month.AddMonths(1).AddDays(-1)),
            live,
            live ? null : rows.Count > 0 ? rows.Max(r => r.TakenAt) : null,
            root,
            AreaName(root),
            agency is null ? null : agencyFigures.SingleOrDefault() ?? EmptyAgency(agency),
            eligible,
            covered,
            previous.Count == 0 ? null : previousAgencyRows.Sum(r => r.Eligible),
            previous.Count == 0 ? null : previousAgencyRows.Sum(r => r.Covered),
            rootTarget,
            thresholds.Classify(covered, eligible, rootTarget),
            thresholds,
            SegmentCodes.Ordered.ToDictionary(SegmentCodes.Of, s => segments.Where(r => r.Key == SegmentCodes.Of(s)).Sum(r => r.Active), StringComparer.Ordinal),
            scope.SeesRegions ? visible.Where(r => r.Dimension == SnapshotDimension.PuEmployers).Sum(r => r.Active) : 0,
            scope.SeesRegions && agency is null ? Population(populations, root) : null,
            agencyFigures,
            scope.SeesRegions && agency is null ? RegionFigures(visible, root, targets, thresholds, populations) : [],
            scope.SeesRegions && agency is null ? SegmentRegions(visible) : [],
            employers,
            trend);
    }

    /// <summary>The area a report is about: the one asked for, else the agency's, else the narrowest area holding everything the caller sees.</summary>
    private static string RootRegion(ReportScope scope, string? requested, Agency? agency, IEnumerable<Agency> agencies)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var code = AreaCode.Normalize(requested) ?? throw new ReportNotFoundException($"'{requested}' is not a region code (PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD).");
            return scope.SeesRegions && scope.Allows(code) ? code : throw new ReportNotFoundException($"Region {code} is outside your scope.");
        }

        if (agency is not null)
        {
            return agency.RegionCode;
        }

        if (scope.Regions is { Count: 1 } one)
        {
            return one[0];
        }

        var codes = agencies.Select(a => a.RegionCode).Where(scope.Allows).Distinct(StringComparer.Ordinal).ToList();
        return CommonArea(codes);
    }

    private static string CommonArea(List<string> codes)
    {
        if (codes.Count == 0)
        {
            return string.Empty;
        }

        var common = codes[0];
        foreach (var code in codes.Skip(1))
        {
            while (common.Length > 0 && !code.StartsWith(common, StringComparison.Ordinal))
            {
                var dot = common.LastIndexOf('.');
                common = dot < 0 ? string.Empty : common[..dot];
            }
        }

        return common;
    }

    private static bool Visible(CoverageSnapshot row, ReportScope scope, string root, string? agencyKey)
    {
        if (!row.RegionCode.StartsWith(root, StringComparison.Ordinal) && !(agencyKey is not null && row.Dimension == SnapshotDimension.Agency))
        {
            return false;
        }

        if (agencyKey is not null)
        {
            return row.Dimension switch
            {
                SnapshotDimension.Agency => row.Key == agencyKey,
                SnapshotDimension.PdsWorkers or SnapshotDimension.PdsWage or SnapshotDimension.PdsProgram =>
                    CoveragePds.Split(row.Key).Agency == Guid.Parse(agencyKey),
                _ => scope.SeesRegions,
            };
        }

        return scope.SeesRegions && scope.Allows(row.RegionCode);
    }

    private static async Task<(List<CoverageSnapshot> Rows, bool Live)> MonthRowsAsync(LindungDbContext db, DateOnly month, DateOnly today, CancellationToken ct)
    {
        var stored = await SnapshotRowsAsync(db, month, ct);
        if (stored.Count > 0)
        {
            return (stored, false);
        }

        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (month == thisMonth)
        {
            // Computed once and kept: the refreshes after imports, reconciliations and edits keep it current.
            await CoverageSnapshots.EnsureCurrentAsync(db, today, ct);
            return (await SnapshotRowsAsync(db, month, ct), false);
        }

        // A past month that was never closed: figures as of its last day, shown but not stored.
        return (await CoverageMeasures.ComputeAsync(db, month.AddMonths(1).AddDays(-1), ct), true);
    }

    private static Task<List<CoverageSnapshot>> SnapshotRowsAsync(LindungDbContext db, DateOnly month, CancellationToken ct) =>
        db.CoverageSnapshots.AsNoTracking().Where(s => s.Month == month).ToListAsync(ct);

    private static async Task<List<TrendPoint>> TrendAsync(
        LindungDbContext db, ReportScope scope, string root, string? agencyKey, DateOnly month, List<CoverageSnapshot>? liveMonth, CancellationToken ct)
    {
        var from = month.AddMonths(-(TrendMonths - 1));
        var rows = db.CoverageSnapshots.AsNoTracking()
            .Where(s => s.Month >= from && s.Month <= month && (s.Dimension == SnapshotDimension.Agency || s.Dimension == SnapshotDimension.Segment));
        if (root.Length > 0 && agencyKey is null)
        {
            rows = rows.Where(s => s.RegionCode.StartsWith(root));
        }

        if (agencyKey is not null)
        {
            rows = rows.Where(s => s.Dimension == SnapshotDimension.Agency && s.Key == agencyKey);
        }
        else if (!scope.SeesRegions)
        {
            return [];
        }
        else if (scope.Regions is { } regions)
        {
            rows = rows.Where(RegionFilter.Within<CoverageSnapshot>(regions));
        }

        var sums = await rows
            .GroupBy(s => new { s.Month, s.Dimension })
            .Select(g => new { g.Key.Month, g.Key.Dimension, Eligible = g.Sum(s => s.Eligible), Covered = g.Sum(s => s.Covered), Active = g.Sum(s => s.Active) })
            .ToListAsync(ct);
        var points = sums.GroupBy(s => s.Month).Select(g => new TrendPoint(
            g.Key,
            g.Where(s => s.Dimension == SnapshotDimension.Agency).Sum(s => s.Eligible),
            g.Where(s => s.Dimension == SnapshotDimension.Agency).Sum(s => s.Covered),
            g.Where(s => s.Dimension == SnapshotDimension.Segment).Sum(s => s.Active))).ToList();
        if (liveMonth is not null)
        {
            var agencyRows = liveMonth.Where(r => r.Dimension == SnapshotDimension.Agency).ToList();
            points.RemoveAll(p => p.Month == month);
            points.Add(new TrendPoint(month, agencyRows.Sum(r => r.Eligible), agencyRows.Sum(r => r.Covered),
                liveMonth.Where(r => r.Dimension == SnapshotDimension.Segment).Sum(r => r.Active)));
        }

        return [.. points.OrderBy(p => p.Month)];
    }

    private static List<AgencyFigure> AgencyFigures(
        List<CoverageSnapshot> rows, List<CoverageSnapshot> previous, Dictionary<Guid, Agency> agencies, List<CoverageTarget> targets, CoverageThresholds thresholds)
    {
        var before = previous.Where(r => r.Dimension == SnapshotDimension.Agency).GroupBy(r => r.Key)
            .ToDictionary(g => g.Key, g => (Eligible: g.Sum(r => r.Eligible), Covered: g.Sum(r => r.Covered)), StringComparer.Ordinal);
        return [.. rows.Where(r => r.Dimension == SnapshotDimension.Agency)
            .GroupBy(r => r.Key)
            .Select(g =>
            {
                var agency = agencies.GetValueOrDefault(Guid.Parse(g.Key));
                var eligible = g.Sum(r => r.Eligible);
                var covered = g.Sum(r => r.Covered);
                var target = agency is null ? null : AgencyTarget(targets, agency);
                int? prevEligible = previous.Count == 0 ? null : before.GetValueOrDefault(g.Key).Eligible;
                int? prevCovered = previous.Count == 0 ? null : before.GetValueOrDefault(g.Key).Covered;
                return new AgencyFigure(
                    Guid.Parse(g.Key),
                    agency?.Code ?? "?",
                    agency?.Name ?? g.Key,
                    agency?.RegionCode ?? g.First().RegionCode,
                    eligible,
                    covered,
                    target,
                    thresholds.Classify(covered, eligible, target),
                    prevEligible,
                    prevCovered,
                    [.. g.Where(r => r.Category is not null).OrderBy(r => r.Category).Select(r => new CategoryFigure(r.Category!.Value, r.Eligible, r.Covered))],
                    agency?.Institution);
            })
            .OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    private static AgencyFigure EmptyAgency(Agency agency) =>
        new(agency.Id, agency.Code, agency.Name, agency.RegionCode, 0, 0, null, CoverageClass.None, null, null, [], agency.Institution);

    private static List<RegionFigure> RegionFigures(
        List<CoverageSnapshot> rows, string root, List<CoverageTarget> targets, CoverageThresholds thresholds, Dictionary<string, long> populations)
    {
        var childLength = root.Length switch { 0 => 2, 2 => 5, 5 => 8, _ => 13 };
        var villages = rows.Where(r => r.Dimension == SnapshotDimension.Village).ToList();
        var segments = rows.Where(r => r.Dimension == SnapshotDimension.Segment).ToList();
        return [.. villages
            .GroupBy(r => r.RegionCode.Length >= childLength ? r.RegionCode[..childLength] : r.RegionCode, StringComparer.Ordinal)
            .Select(g =>
            {
                var level = AreaCode.LevelOf(g.Key);
                var eligible = g.Sum(r => r.Eligible);
                var covered = g.Sum(r => r.Covered);
                var target = RegionTarget(targets, g.Key);
                // Memberships are placed at regency level, so participants exist from the regency up.
                int? participants = level is AreaLevel.Province or AreaLevel.Regency
                    ? segments.Where(s => s.RegionCode.StartsWith(g.Key, StringComparison.Ordinal)).Sum(s => s.Active)
                    : null;
                return new RegionFigure(g.Key, AreaName(g.Key), level, eligible, covered, g.Sum(r => r.Active), target,
                    thresholds.Classify(covered, eligible, target), participants, Population(populations, g.Key));
            })
            .OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    /// <summary>PDS rows summed per NPP over the agencies in view, named from the registry's employers when known.</summary>
    private static async Task<List<EmployerFigure>> EmployerFiguresAsync(LindungDbContext db, List<CoverageSnapshot> rows, CancellationToken ct)
    {
        var pds = rows.Where(r => r.Dimension is SnapshotDimension.PdsWorkers or SnapshotDimension.PdsWage or SnapshotDimension.PdsProgram)
            .GroupBy(r => CoveragePds.Split(r.Key).Npp, StringComparer.Ordinal)
            .ToList();
        if (pds.Count == 0)
        {
            return [];
        }

        var npps = pds.Select(g => g.Key).ToList();
        var known = (await db.Employers.AsNoTracking().Where(e => e.Npp != null && npps.Contains(e.Npp)).Select(e => new { Npp = e.Npp!, e.Name, e.RegionCode }).ToListAsync(ct))
            .ToDictionary(e => e.Npp, StringComparer.Ordinal);
        int Sum(IEnumerable<CoverageSnapshot> g, SnapshotDimension d, Func<CoverageSnapshot, int> value) => g.Where(r => r.Dimension == d).Sum(value);
        return [.. pds.Select(g =>
            {
                var employer = known.GetValueOrDefault(g.Key);
                return new EmployerFigure(
                    g.Key,
                    employer?.Name,
                    employer?.RegionCode ?? g.Min(r => r.RegionCode)!,
                    Sum(g, SnapshotDimension.PdsWorkers, r => r.Eligible),
                    Sum(g, SnapshotDimension.PdsWorkers, r => r.Covered),
                    Sum(g, SnapshotDimension.PdsWorkers, r => r.Active),
                    Sum(g, SnapshotDimension.PdsWage, r => r.Active),
                    Sum(g, SnapshotDimension.PdsProgram, r => r.Active));
            })
            .OrderBy(e => e.Npp, StringComparer.Ordinal)];
    }

    private static List<SegmentRegionFigure> SegmentRegions(List<CoverageSnapshot> rows) =>
        [.. rows.Where(r => r.Dimension is SnapshotDimension.Segment or SnapshotDimension.PuEmployers)
            .GroupBy(r => r.RegionCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SegmentRegionFigure(
                g.Key,
                AreaName(g.Key),
                SegmentCodes.Ordered.ToDictionary(SegmentCodes.Of, s => g.Where(r => r.Dimension == SnapshotDimension.Segment && r.Key == SegmentCodes.Of(s)).Sum(r => r.Active), StringComparer.Ordinal),
                g.Where(r => r.Dimension == SnapshotDimension.PuEmployers).Sum(r => r.Active)))];

    /// <summary>The agency's own target for the year, else its region's.</summary>
    private static int? AgencyTarget(List<CoverageTarget> targets, Agency agency) =>
        targets.FirstOrDefault(t => t.AgencyId == agency.Id)?.TargetBasisPoints ?? RegionTarget(targets, agency.RegionCode);

    /// <summary>The region-wide target of the area or its nearest enclosing area that has one.</summary>
    private static int? RegionTarget(List<CoverageTarget> targets, string code) =>
        targets.Where(t => t.AgencyId == null).NearestTo(code)?.TargetBasisPoints;

    private static async Task<CoverageThresholds> ThresholdsAsync(LindungDbContext db, string root, CancellationToken ct)
    {
        var settings = await db.CoverageThresholds.AsNoTracking().ToListAsync(ct);
        var nearest = settings.NearestTo(root);
        return nearest is null ? CoverageThresholds.Default : new CoverageThresholds(nearest.GreenBasisPointsOfTarget, nearest.YellowBasisPointsOfTarget);
    }

    /// <summary>Per region, the working population of the report year, or of the latest earlier year when that year has none yet.</summary>
    private static async Task<Dictionary<string, long>> PopulationsAsync(LindungDbContext db, int year, CancellationToken ct)
    {
        var figures = await db.WorkingPopulations.AsNoTracking().Where(p => p.Year <= year).ToListAsync(ct);
        return figures.GroupBy(p => p.RegionCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Year)!.Population, StringComparer.Ordinal);
    }

    private static long? Population(Dictionary<string, long> populations, string code) =>
        populations.TryGetValue(code, out var population) ? population : null;

    public static string AreaName(string code) =>
        code.Length == 0 ? "Indonesia" : AreaDirectory.Embedded.Find(code)?.Name ?? code;
}
