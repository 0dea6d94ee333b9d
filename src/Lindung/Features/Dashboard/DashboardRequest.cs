using Lindung.Cli;
using Lindung.Data;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Dashboard;

/// <summary>Builds the report a dashboard page or download asks for, in the caller's scope; null when it is outside it.</summary>
internal static class DashboardRequest
{
    /// <summary>
    /// A page over a region's areas (regions, segments): forbidden to roles without regions, not
    /// found outside the caller's scope or for a month that cannot be read, otherwise shown.
    /// </summary>
    public static async Task<IActionResult> RegionPageAsync(
        PageModel page, LindungDbContext db, TimeProvider clock, string? region, string? month, Action<CoverageReport> show, CancellationToken ct)
    {
        if (!ReportScope.From(AccessScope.From(page.User)).SeesRegions)
        {
            return page.Forbid();
        }

        if (await BuildAsync(db, clock, page.HttpContext, region, null, month, ct) is not { } report)
        {
            return page.NotFound();
        }

        show(report);
        return page.Page();
    }

    public static async Task<CoverageReport?> BuildAsync(
        LindungDbContext db, TimeProvider clock, HttpContext http, string? region, Guid? agencyId, string? month, CancellationToken ct)
    {
        DateOnly? chosen;
        try
        {
            chosen = ReportOptions.ParseMonth(month, "month");
        }
        catch (UsageException)
        {
            return null;
        }

        try
        {
            return await CoverageReportBuilder.BuildAsync(db, ReportScope.From(AccessScope.From(http.User)), new ReportRequest(region, agencyId, chosen), clock.Today(), ct);
        }
        catch (ReportNotFoundException)
        {
            return null;
        }
    }
}
