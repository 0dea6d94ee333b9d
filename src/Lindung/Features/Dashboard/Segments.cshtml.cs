using Lindung.Data;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary>A branch's figures: active participants per segment (total = PU + BPU + JAKON + PMI) and PU employers, per regency.</summary>
[Authorize(Policy = Policies.Dashboards)]
internal sealed class SegmentsModel(LindungDbContext db, TimeProvider clock, IStringLocalizer l) : PageModel
{
    public CoverageReport Report { get; private set; } = null!;

    public ChartView Chart { get; private set; } = null!;

    public string? Month { get; private set; }

    public Task<IActionResult> OnGetAsync(string? region, string? month, CancellationToken ct) =>
        DashboardRequest.RegionPageAsync(this, db, clock, region, month, report => Show(report, month), ct);

    private void Show(CoverageReport report, string? month)
    {
        Report = report;
        Month = month;
        Chart = new ChartView("segment-chart", l["dash.chart.segments"], l["dash.segment"], DashboardCharts.Segments(report, l));
    }
}
