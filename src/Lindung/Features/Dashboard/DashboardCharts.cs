using Lindung.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary>The charts the dashboard pages draw, from the same report their tables show.</summary>
internal static class DashboardCharts
{
    public static ChartData Trend(CoverageReport report, IStringLocalizer l) => new(
        "line",
        [.. report.Trend.Select(p => Formats.Month(p.Month))],
        [new ChartSeries(l["dash.col.ratio"], [.. report.Trend.Select(p => ChartData.Percent100(p.Ratio))], ChartData.Blue)],
        Percent: true,
        TargetLine: report.TargetBasisPoints / 100.0);

    public static ChartData Ranking(IReadOnlyList<AgencyFigure> ranked, IStringLocalizer l) => new(
        "bar-horizontal",
        [.. ranked.Select(a => a.Name)],
        [new ChartSeries(l["dash.col.ratio"], [.. ranked.Select(a => ChartData.Percent100(a.Ratio))], ChartData.Blue, ClassColors(ranked))],
        Percent: true);

    public static ChartData Segments(CoverageReport report, IStringLocalizer l) => new(
        "bar",
        [.. report.BySegment.Keys],
        [new ChartSeries(l["dash.col.active"], [.. report.BySegment.Values.Select(v => (double?)v)], ChartData.Green)]);

    /// <summary>The contract value at risk per agency (rupiah), largest first.</summary>
    public static ChartData ValueAtRisk(IReadOnlyList<Procurement.AgencyContractRisk> agencies, IStringLocalizer l) => new(
        "bar-horizontal",
        [.. agencies.Select(a => a.AgencyName)],
        [new ChartSeries(l["procurement.risk.at-risk"], [.. agencies.Select(a => (double?)a.ValueAtRisk)], ChartData.Vermillion)]);

    /// <summary>Per-bar colours by traffic-light class, so the ranking chart reads like the table's status column.</summary>
    public static IReadOnlyList<string> ClassColors(IReadOnlyList<AgencyFigure> ranked) =>
        [.. ranked.Select(a => ChartData.ColorOf(a.Class))];
}
