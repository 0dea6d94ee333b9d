using System.Text.Json;
using Lindung.Data.Entities;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Audit;

/// <summary>
/// One audit event: <c>before</c>/<c>after</c> are the row as JSON objects (column → stored value)
/// with what the caller's role may not see as <c>"***"</c>; <c>changed_columns</c> names the columns
/// an update changed.
/// </summary>
internal sealed record AuditEventDto(
    long Id, DateTime At, string Actor, AuditAction Action, string EntityType, string EntityKey, string RegionCode,
    IReadOnlyList<string> ChangedColumns, JsonElement? Before, JsonElement? After)
{
    public static AuditEventDto From(AuditEventView e) => new(
        e.Id, e.At, e.Actor, e.Action, e.EntityType, e.EntityKey, e.RegionCode, e.Changed, Json(e.Before), Json(e.After));

    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

/// <summary>A page of events, newest first: pass <c>next</c> back as <c>after</c> for the following page; null on the last.</summary>
internal sealed record AuditEventPage(IReadOnlyList<AuditEventDto> Items, int PageSize, string? Next);

/// <summary><c>/api/v1/audit-events</c>: the audit trail for auditors and regional admins, and its export.</summary>
internal static class AuditApi
{
    public static IServiceCollection AddLindungAuditTrail(this IServiceCollection services) =>
        services.AddScoped<SearchAuditTrail>().AddScoped<ExportAuditTrail>()
            .AddSingleton<AuditQueue>().AddHostedService<AuditQueueWriter>()
            .AddOptions<AuditQueueSettings>().BindConfiguration(AuditQueueSettings.Section).Services;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/audit-events").WithTags("Audit").RequireAuthorization(Policies.Audit);
        group.MapGet("/", ListAsync)
            .WithName("ListAuditEvents")
            .WithSummary("Audit events of the caller's regions, newest first, filtered by entity, entityKey, user, action and from/to (UTC days); page on with after=next.");
        group.MapGet("/export", ExportAsync)
            .WithName("ExportAuditEvents")
            .WithSummary("The filtered audit trail as format=csv (default) or xlsx, streamed; the export is itself audited (EXPORTED).");
        return api;
    }

    private static async Task<Results<Ok<AuditEventPage>, ValidationProblem>> ListAsync(
        HttpContext http, SearchAuditTrail search, string? entity, string? entityKey, string? user, string? action,
        DateOnly? from, DateOnly? to, string? after, int? pageSize, CancellationToken ct)
    {
        var result = await search.HandleAsync(new AuditTrailFilter(entity, entityKey, user, action, from, to), after, pageSize, AccessScope.From(http.User), ct);
        if (!result.Succeeded)
        {
            return ApiLanguage.Problem(http, result.Errors, "filter");
        }

        var page = result.Value;
        return TypedResults.Ok(new AuditEventPage([.. page.Items.Select(AuditEventDto.From)], page.PageSize, page.Next));
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, ExportAuditTrail export, string? format, string? entity, string? entityKey, string? user, string? action,
        DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var result = await export.HandleAsync(new AuditTrailFilter(entity, entityKey, user, action, from, to), format, AccessScope.From(http.User), ct);
        if (!result.Succeeded)
        {
            return ApiLanguage.Problem(http, result.Errors, "filter");
        }

        var file = result.Value;
        if (file.Format == AuditExportFormat.Xlsx)
        {
            return TypedResults.File(await AuditExportFile.XlsxFileAsync(file.Rows, file.Count, ct), AuditExportFile.XlsxType, file.FileName);
        }

        http.Response.ContentType = AuditExportFile.CsvType;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = file.FileName }.ToString();
        await AuditExportFile.WriteCsvAsync(http.Response.Body, file.Rows, ct);
        return TypedResults.Empty;
    }
}
