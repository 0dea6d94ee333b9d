using Lindung.Data;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary>
/// One agency's coverage: by category, its trend and — for those who may see its staff (the
/// agency's operator, regional admins, branch officers: <see cref="PersonalDataPolicy"/>) — the names still
/// uncovered, through the agency's gap list. Leaders get the numbers only.
/// </summary>
[Authorize(Policy = Policies.Dashboards)]
internal sealed class AgencyModel(LindungDbContext db, TimeProvider clock, IStringLocalizer l) : PageModel
{
    public CoverageReport Report { get; private set; } = null!;

    public AgencyFigure Agency { get; private set; } = null!;

    public ChartView Trend { get; private set; } = null!;

    public ChartView Categories { get; private set; } = null!;

    /// <summary>
    /// Whether the caller may open the names of the uncovered (<see cref="PersonalDataPolicy"/>): then
    /// the page links to the agency's gap list, which is paged and read from the latest
    /// reconciliation, instead of listing names here by scanning the roster.
    /// </summary>
    public bool ShowsGapList { get; private set; }

    public string? Month { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? month, CancellationToken ct)
    {
        var report = await DashboardRequest.BuildAsync(db, clock, HttpContext, null, id, month, ct);
        if (report?.Agency is null)
        {
            return NotFound();
        }

        Report = report;
        Agency = report.Agency;
        Month = month;
        Trend = new ChartView("trend-chart", l["dash.chart.trend"], l["dash.col.month"], DashboardCharts.Trend(report, l));
        Categories = new ChartView("category-chart", l["dash.chart.categories"], l["dash.category"], new ChartData(
            "bar",
            [.. Agency.Categories.Select(c => l[Labels.Key("category", c.Category)].Value)],
            [
                new ChartSeries(l["dash.col.covered"], [.. Agency.Categories.Select(c => (double?)c.Covered)], ChartData.Green),
                new ChartSeries(l["dash.col.gap"], [.. Agency.Categories.Select(c => (double?)(c.Eligible - c.Covered))], ChartData.Vermillion),
            ]));
        ShowsGapList = PersonalDataPolicy.For(AccessScope.From(User)).Names;
        return Page();
    }
}
