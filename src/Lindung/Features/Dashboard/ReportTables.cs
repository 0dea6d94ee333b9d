using Lindung.Domain.Coverage;
using Lindung.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

internal enum CellKind
{
    Text,
    Count,

    /// <summary>A share in [0, 1] (shown as a percentage).</summary>
    Share,
}

internal sealed record ReportColumn(string Header, CellKind Kind);

/// <summary>
/// One table of a report as every export writes it (CSV, XLSX, PDF): localized headers, typed
/// cells (string, long, or a share as double) and a totals row whose counts are the column sums.
/// </summary>
internal sealed record ReportTable(string Key, string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows, object?[]? Totals);

internal static class ReportTables
{
    public static readonly string[] Keys = ["agencies", "regions", "segments", "employers", "trend"];

    public static IReadOnlyList<ReportTable> All(CoverageReport report, IStringLocalizer l) =>
        [.. Keys.Select(k => Build(report, l, k)).Where(t => t.Rows.Count > 0 || t.Key == "agencies")];

    public static ReportTable Build(CoverageReport report, IStringLocalizer l, string key) => key switch
    {
        "agencies" => Agencies(report, l),
        "regions" => Regions(report, l),
        "segments" => Segments(report, l),
        "employers" => Employers(report, l),
        "trend" => Trend(report, l),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, $"Tables are {string.Join(", ", Keys)}."),
    };

    public static string ClassLabel(IStringLocalizer l, CoverageClass value) =>
        value == CoverageClass.None ? "–" : l["dash.class." + ReportJson.ClassCode(value)];

    private static ReportTable Agencies(CoverageReport report, IStringLocalizer l)
    {
        var rank = 0;
        var ranks = report.Ranking.ToDictionary(a => a.Id, _ => (long)++rank);
        var rows = report.Agencies
            .OrderBy(a => ranks.GetValueOrDefault(a.Id, long.MaxValue)).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new object?[]
            {
                ranks.TryGetValue(a.Id, out var r) ? r : null, a.Code, a.Name, (long)a.Eligible, (long)a.Covered, (long)a.Gap, a.Ratio,
                Share(a.TargetBasisPoints), ClassLabel(l, a.Class),
            })
            .ToList();
        return new ReportTable("agencies", l["dash.table.agencies"], [
            new(l["dash.col.rank"], CellKind.Count), new(l["agency.code"], CellKind.Text), new(l["dash.col.agency"], CellKind.Text),
            new(l["dash.col.eligible"], CellKind.Count), new(l["dash.col.covered"], CellKind.Count), new(l["dash.col.gap"], CellKind.Count),
            new(l["dash.col.ratio"], CellKind.Share), new(l["dash.col.target"], CellKind.Share), new(l["dash.col.class"], CellKind.Text),
        ], rows, [
            null, null, l["dash.total"].Value, (long)report.Eligible, (long)report.Covered, (long)(report.Eligible - report.Covered), report.Ratio,
            Share(report.TargetBasisPoints), ClassLabel(l, report.Class),
        ]);
    }

    private static ReportTable Regions(CoverageReport report, IStringLocalizer l)
    {
        var rows = report.Regions.Select(g => new object?[]
        {
            g.Code, g.Name, (long)g.Eligible, (long)g.Covered, g.Ratio, Share(g.TargetBasisPoints), ClassLabel(l, g.Class),
            (long)g.ActiveResidents, (long?)g.Participants, g.WorkingPopulation, g.Ucj,
        }).ToList();
        var eligible = report.Regions.Sum(g => (long)g.Eligible);
        var covered = report.Regions.Sum(g => (long)g.Covered);
        return new ReportTable("regions", l["dash.table.regions", report.RegionName], [
            new(l["dash.col.code"], CellKind.Text), new(l["region"], CellKind.Text), new(l["dash.col.eligible"], CellKind.Count),
            new(l["dash.col.covered"], CellKind.Count), new(l["dash.col.ratio"], CellKind.Share), new(l["dash.col.target"], CellKind.Share),
            new(l["dash.col.class"], CellKind.Text), new(l["dash.col.active-residents"], CellKind.Count), new(l["dash.col.participants"], CellKind.Count),
            new(l["dash.col.working-population"], CellKind.Count), new(l["dash.col.ucj"], CellKind.Share),
        ], rows, [
            null, l["dash.total"].Value, eligible, covered, Ratio.Of(covered, eligible), null, null,
            report.Regions.Sum(g => (long)g.ActiveResidents), null, null, null,
        ]);
    }

    private static ReportTable Segments(CoverageReport report, IStringLocalizer l)
    {
        var rows = report.SegmentRegions.Select(s => new object?[]
        {
            s.RegionCode, s.Name, (long)s.Active["PU"], (long)s.Active["BPU"], (long)s.Active["JAKON"], (long)s.Active["PMI"], (long)s.Total, (long)s.PuEmployers,
        }).ToList();
        return new ReportTable("segments", l["dash.table.segments"], [
            new(l["dash.col.code"], CellKind.Text), new(l["region"], CellKind.Text), new("PU", CellKind.Count), new("BPU", CellKind.Count),
            new("JAKON", CellKind.Count), new("PMI", CellKind.Count), new(l["dash.total"], CellKind.Count), new(l["dash.col.pu-employers"], CellKind.Count),
        ], rows, [
            null, l["dash.total"].Value, (long)report.BySegment["PU"], (long)report.BySegment["BPU"], (long)report.BySegment["JAKON"], (long)report.BySegment["PMI"],
            (long)report.TotalActive, (long)report.PuEmployers,
        ]);
    }

    private static ReportTable Employers(CoverageReport report, IStringLocalizer l)
    {
        var rows = report.Employers.Select(e => new object?[]
        {
            e.Npp, e.Name ?? "–", e.RegionCode, (long)e.RosterWorkers, (long)e.Registered, (long)e.PdsWorkers, (long)e.PdsWage, (long)e.PdsProgram,
        }).ToList();
        return new ReportTable("employers", l["dash.table.employers"], [
            new("NPP", CellKind.Text), new(l["dash.col.employer"], CellKind.Text), new(l["region"], CellKind.Text),
            new(l["dash.col.roster-workers"], CellKind.Count), new(l["dash.col.registered"], CellKind.Count),
            new(l["dash.col.pds-workers"], CellKind.Count), new(l["dash.col.pds-wage"], CellKind.Count), new(l["dash.col.pds-program"], CellKind.Count),
        ], rows, [
            null, l["dash.total"].Value, null, report.Employers.Sum(e => (long)e.RosterWorkers), report.Employers.Sum(e => (long)e.Registered),
            report.Employers.Sum(e => (long)e.PdsWorkers), report.Employers.Sum(e => (long)e.PdsWage), report.Employers.Sum(e => (long)e.PdsProgram),
        ]);
    }

    private static ReportTable Trend(CoverageReport report, IStringLocalizer l)
    {
        var rows = report.Trend.Select(p => new object?[]
        {
            Formats.MonthLong(p.Month), (long)p.Eligible, (long)p.Covered, p.Ratio, (long)p.Active,
        }).ToList();
        return new ReportTable("trend", l["dash.table.trend"], [
            new(l["dash.col.month"], CellKind.Text), new(l["dash.col.eligible"], CellKind.Count), new(l["dash.col.covered"], CellKind.Count),
            new(l["dash.col.ratio"], CellKind.Share), new(l["dash.col.active"], CellKind.Count),
        ], rows, null);
    }

    private static double? Share(int? basisPoints) => basisPoints / 10_000.0;
}
