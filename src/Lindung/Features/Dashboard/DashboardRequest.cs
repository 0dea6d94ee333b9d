using Lindung.Cli;
using Lindung.Data;
using Lindung.Features.Shared;
using Lindung.Security;

namespace Lindung.Features.Dashboard;

/// <summary>Builds the report a dashboard page or download asks for, in the caller's scope; null when it is outside it.</summary>
internal static class DashboardRequest
{
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
