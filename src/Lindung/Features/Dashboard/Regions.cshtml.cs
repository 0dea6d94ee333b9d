using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary>Drill-down from province to village: each area's roster coverage by residence, participants and UCJ ratio.</summary>
[Authorize(Policy = Policies.Dashboards)]
internal sealed class RegionsModel(LindungDbContext db, TimeProvider clock, IStringLocalizer l) : PageModel
{
    public CoverageReport Report { get; private set; } = null!;

    public IReadOnlyList<Area> Path { get; private set; } = [];

    public ChartView Chart { get; private set; } = null!;

    public string? Month { get; private set; }

    public Task<IActionResult> OnGetAsync(string? code, string? month, CancellationToken ct) =>
        DashboardRequest.RegionPageAsync(this, db, clock, code, month, report => Show(report, month), ct);

    private void Show(CoverageReport report, string? month)
    {
        Report = report;
        Month = month;
        Path = report.RegionCode.Length == 0 ? [] : AreaDirectory.Embedded.Path(report.RegionCode);
        var ranked = report.Regions.Where(g => g.Eligible > 0).OrderByDescending(g => g.Ratio).ToList();
        Chart = new ChartView("region-chart", l["dash.chart.regions"], l["region"], new ChartData(
            "bar-horizontal",
            [.. ranked.Select(g => g.Name)],
            [new ChartSeries(l["dash.col.ratio"], [.. ranked.Select(g => ChartData.Percent100(g.Ratio))], ChartData.Blue, [.. ranked.Select(g => ChartData.ColorOf(g.Class))])],
            Percent: true), Math.Max(200, (22 * ranked.Count) + 60));
    }
}
