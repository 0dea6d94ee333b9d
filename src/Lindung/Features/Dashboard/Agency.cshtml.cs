using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary>
/// One agency's coverage: by category, its trend and — for those who may see its staff (the
/// agency's operator, regional admins, branch officers: <see cref="PersonalDataPolicy"/>) — the names still
/// uncovered. Leaders get the numbers only.
/// </summary>
[Authorize(Policy = Policies.Dashboards)]
internal sealed class AgencyModel(LindungDbContext db, TimeProvider clock, IStringLocalizer l) : PageModel
{
    public CoverageReport Report { get; private set; } = null!;

    public AgencyFigure Agency { get; private set; } = null!;

    public ChartView Trend { get; private set; } = null!;

    public ChartView Categories { get; private set; } = null!;

    /// <summary>Null when the caller may not see the agency's staff.</summary>
    public IReadOnlyList<GapRow>? Gaps { get; private set; }

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
        Gaps = await GapsAsync(id, ct);
        return Page();
    }

    /// <summary>
    /// Today's roster workers of the agency without an active membership, through the caller's scope;
    /// null for a role that may not see workers' names (<see cref="PersonalDataPolicy"/>, docs/PRIVACY.md).
    /// </summary>
    private async Task<IReadOnlyList<GapRow>?> GapsAsync(Guid id, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        if (!PersonalDataPolicy.For(scope).Names)
        {
            return null;
        }

        var today = clock.Today();
        var covered = db.MembershipsFor(scope).CoveredOn(today).Select(m => m.WorkerId);
        var rows = await db.EmploymentsFor(scope).ValidOn(today)
            .Where(e => e.AgencyId == id && !covered.Contains(e.WorkerId))
            .Join(db.WorkersFor(scope).Where(w => w.Scheme != SocialSecurityScheme.Taspen), e => e.WorkerId, w => w.Id, (e, w) => new { w.Id, w.Name, e.Category, e.Position })
            .OrderBy(g => g.Name)
            .Take(500)
            .ToListAsync(ct);
        return [.. rows.Select(r => new GapRow(r.Id, r.Name, r.Category, r.Position))];
    }
}

internal sealed record GapRow(Guid WorkerId, string Name, WorkerCategory Category, string? Position);
