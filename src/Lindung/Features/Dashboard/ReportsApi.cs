using System.Globalization;
using Lindung.Data;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary><c>/api/v1/reports/coverage</c>: the leader's report as JSON, CSV, PDF or XLSX, in the caller's scope.</summary>
internal static class ReportsApi
{
    public static readonly ValidationError BadFormat = new("format", "Format harus json, xlsx, pdf atau csv.", "Format must be json, xlsx, pdf or csv.");
    public static readonly ValidationError BadTable = new("table", "Tabel harus agencies, regions, segments, employers atau trend.", "Table must be agencies, regions, segments, employers or trend.");
    public static readonly ValidationError BadMonth = new("month", "Bulan harus berbentuk YYYY-MM dan tidak di masa depan.", "Month must be YYYY-MM and not in the future.");

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reports/coverage", GetAsync).RequireAuthorization(Policies.Dashboards).WithTags("Reports")
            .WithName("CoverageReport")
            .WithSummary("Coverage by agency, area and segment with targets, classes and trend; format json (default), xlsx, pdf or csv; 404 outside the caller's scope.");
        return api;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ValidationProblem>> GetAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, IStringLocalizer l,
        string? format, string? table, string? region, Guid? agency, string? month, CancellationToken ct)
    {
        format = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        table = string.IsNullOrWhiteSpace(table) ? "agencies" : table.Trim().ToLowerInvariant();
        var errors = new Dictionary<string, ValidationError>();
        if (!ReportOptions.FormatNames.Contains(format))
        {
            errors["format"] = BadFormat;
        }

        if (!ReportTables.Keys.Contains(table))
        {
            errors["table"] = BadTable;
        }

        if (!string.IsNullOrWhiteSpace(month) && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors["month"] = BadMonth;
        }

        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var report = await DashboardRequest.BuildAsync(db, clock, http, region, agency, month, ct);
        if (report is null)
        {
            return TypedResults.NotFound();
        }

        var buffer = new MemoryStream();
        await ReportExport.WriteAsync(buffer, format, report, l, table, clock.Today(), ct);
        buffer.Position = 0;
        var name = $"cakupan-{(report.Agency?.Code ?? report.RegionCode).Replace('.', '-')}-{report.Month:yyyy-MM}.{format}".Replace("--", "-", StringComparison.Ordinal);
        return TypedResults.File(buffer, ReportOptions.ContentType(format), name);
    }
}
