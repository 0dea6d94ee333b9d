using Lindung.Data.Entities;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Field;

/// <summary><c>/api/v1/field/captures</c> and <c>/api/v1/leads</c>: house-to-house capture and its follow-up.</summary>
internal static class FieldApi
{
    public static IServiceCollection AddLindungField(this IServiceCollection services) =>
        services.AddScoped<SyncCaptures>().AddScoped<ListLeads>().AddScoped<AdvanceLead>();

    public static IEndpointRouteBuilder MapFieldApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/field/captures", SyncAsync).RequireAuthorization(Policies.FieldCapture)
            .WithTags("Field").WithName("SyncCaptures")
            .WithSummary("Sends the captures a phone queued: {captures: [{capture_id, nik, name, occupation?, income?, phone?, says_member, consent, village_code, captured_at?}]} (1–200); each answers created, merged (same NIK, conflicts listed), already (sent before) or rejected (named errors).");
        api.MapGet("/leads", ListAsync).RequireAuthorization(Policies.Leads)
            .WithTags("Field").WithName("ListLeads")
            .WithSummary("Leads the caller may see (a field officer: its villages) as a pipeline per village and officer (captured, contacted, willing, registered, paid) and the newest 200, NIK masked.");
        api.MapPost("/leads/{id:guid}/stage", AdvanceAsync).RequireAuthorization(Policies.FieldCapture)
            .WithTags("Field").WithName("AdvanceLead")
            .WithSummary("Records a lead as {stage: CONTACTED|WILLING}; never backwards.");
        return api;
    }

    private static async Task<Results<Ok<CapturesAnswer>, ValidationProblem>> SyncAsync(HttpContext http, SyncCaptures sync, CapturesBody? body, CancellationToken ct)
    {
        var result = await sync.HandleAsync(body?.Captures, AccessScope.From(http.User), ct);
        return result.Succeeded
            ? TypedResults.Ok(new CapturesAnswer(result.Value))
            : ApiLanguage.Problem(http, result.Errors, "captures");
    }

    private static async Task<Ok<LeadsView>> ListAsync(HttpContext http, ListLeads list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<StageAnswer>, NotFound, ValidationProblem>> AdvanceAsync(HttpContext http, AdvanceLead advance, Guid id, StageBody? body, CancellationToken ct)
    {
        var result = await advance.HandleAsync(id, body?.Stage, AccessScope.From(http.User), ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new StageAnswer(id, result.Value));
        }

        return result.Errors[0].Code == FieldErrors.LeadNotFound.Code
            ? TypedResults.NotFound()
            : ApiLanguage.Problem(http, result.Errors, "lead");
    }
}

internal sealed record CapturesBody(IReadOnlyList<CaptureInput>? Captures);

internal sealed record CapturesAnswer(IReadOnlyList<CaptureOutcome> Results);

internal sealed record StageBody(string? Stage);

internal sealed record StageAnswer(Guid LeadId, LeadStage Stage);
