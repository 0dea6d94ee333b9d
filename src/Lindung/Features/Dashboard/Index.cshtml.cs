using Lindung.Data;
using Lindung.Features.Procurement;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary>The leader's one page: headline, trend, ranking, biggest gaps and what changed since last month.</summary>
[Authorize(Policy = Policies.Dashboards)]
internal sealed class IndexModel(LindungDbContext db, TimeProvider clock, IStringLocalizer l, ContractsAtRisk contractsAtRisk) : PageModel
{
    public CoverageReport Report { get; private set; } = null!;

    public ChartView Trend { get; private set; } = null!;

    public ChartView Ranking { get; private set; } = null!;

    public ChartView Segments { get; private set; } = null!;

    public string? Month { get; private set; }

    /// <summary>Contracts left unprotected today and their value at risk, per agency and per region of the report's region.</summary>
    public ContractRiskSummary? ContractRisk { get; private set; }

    public ChartView? RiskChart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? region, string? month, CancellationToken ct)
    {
        var report = await DashboardRequest.BuildAsync(db, clock, HttpContext, region, null, month, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        Month = month;
        Trend = new ChartView("trend-chart", l["dash.chart.trend"], l["dash.col.month"], DashboardCharts.Trend(report, l));
        Segments = new ChartView("segment-chart", l["dash.chart.segments"], l["dash.segment"], DashboardCharts.Segments(report, l));
        Ranking = new ChartView("ranking-chart", l["dash.chart.ranking"], l["dash.col.agency"], DashboardCharts.Ranking(report.Ranking, l),
            Math.Max(240, (22 * report.Ranking.Count) + 60));
        var risk = await contractsAtRisk.HandleAsync(AccessScope.From(User), null, report.RegionCode, ct);
        if (risk.Succeeded && risk.Value.Agencies.Count > 0)
        {
            ContractRisk = risk.Value;
            var atRisk = risk.Value.Agencies.Where(a => a.ValueAtRisk > 0).ToList();
            RiskChart = atRisk.Count == 0 ? null : new ChartView("risk-chart", l["dash.risk.chart"], l["dash.col.agency"], DashboardCharts.ValueAtRisk(atRisk, l),
                Math.Max(200, (22 * atRisk.Count) + 60));
        }

        return Page();
    }
}
