using Lindung.Data.Entities;
using Lindung.Domain.Claims;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Claims;

/// <summary><c>/api/v1/claims</c>: benefit claims of known workers, their SLA clocks, and the liability of uncovered events.</summary>
internal static class ClaimsApi
{
    public static IServiceCollection AddLindungClaims(this IServiceCollection services) =>
        services.AddScoped<RecordClaim>().AddScoped<UpdateClaim>().AddScoped<ListClaims>();

    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/claims", ListAsync).RequireAuthorization(Policies.Claims).WithTags("Claims").WithName("ListClaims")
            .WithSummary("Claims the caller may see (an operator: its staff's), overdue first, with working days since complete documents vs the SLA, and the summary: by kind and status, median days to payment, overdue, uncovered accidents this year and their liability.");
        api.MapPost("/claims", RecordAsync).RequireAuthorization(Policies.ClaimsEdit).WithTags("Claims").WithName("RecordClaim")
            .WithSummary("{nik, kind: jkk|jkm|jht|jp, death?, event_date, claim_date?, documents_complete_on?, monthly_wage?}; coverage on the event day is decided here, and an uncovered event's liability estimated.");
        api.MapPost("/claims/{id:guid}", UpdateAsync).RequireAuthorization(Policies.ClaimsEdit).WithTags("Claims").WithName("UpdateClaim")
            .WithSummary("{status: reported|submitted|complete|paid|rejected, claim_date?, documents_complete_on?, paid_on?, paid_amount?}.");
        return api;
    }

    private static async Task<Ok<ClaimList>> ListAsync(HttpContext http, ListClaims list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(AccessScope.From(http.User), ct));

    private static async Task<Results<Created<ClaimDto>, NotFound, ValidationProblem>> RecordAsync(HttpContext http, RecordClaim record, ClaimBody body, CancellationToken ct)
    {
        var result = await record.HandleAsync(
            new ClaimInput(body.Nik, body.Kind, body.Death ?? false, body.EventDate, body.ClaimDate, body.DocumentsCompleteOn, body.MonthlyWage), AccessScope.From(http.User), ct);
        if (result.Succeeded)
        {
            return TypedResults.Created($"{ApiSetup.Prefix}/claims/{result.Value.Id}", ClaimDto.From(result.Value));
        }

        return result.Errors[0].Code == ClaimErrors.NotFound.Code ? TypedResults.NotFound() : ApiLanguage.Problem(http, result.Errors, "claim");
    }

    private static async Task<Results<Ok<ClaimDto>, NotFound, ValidationProblem>> UpdateAsync(HttpContext http, UpdateClaim update, Guid id, ClaimUpdateBody body, CancellationToken ct)
    {
        var result = await update.HandleAsync(id, new ClaimUpdate(body.Status, body.ClaimDate, body.DocumentsCompleteOn, body.PaidOn, body.PaidAmount), AccessScope.From(http.User), ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(ClaimDto.From(result.Value));
        }

        return result.Errors[0].Code == ClaimErrors.NotFound.Code ? TypedResults.NotFound() : ApiLanguage.Problem(http, result.Errors, "claim");
    }
}

internal sealed record ClaimBody(string? Nik, string? Kind, bool? Death, DateOnly? EventDate, DateOnly? ClaimDate, DateOnly? DocumentsCompleteOn, long? MonthlyWage);

internal sealed record ClaimUpdateBody(string? Status, DateOnly? ClaimDate, DateOnly? DocumentsCompleteOn, DateOnly? PaidOn, long? PaidAmount);

internal sealed record ClaimDto(
    Guid Id, Guid WorkerId, ClaimKind Kind, bool Death, DateOnly EventDate, DateOnly? ClaimDate, DateOnly? DocumentsCompleteOn, ClaimStatus Status,
    DateOnly? PaidOn, long? PaidAmount, bool CoveredOnEvent, long? MonthlyWage, long? Liability, Guid? AgencyId, string RegionCode)
{
    public static ClaimDto From(BenefitClaim c) => new(
        c.Id, c.WorkerId, c.Kind, c.Death, c.EventDate, c.ClaimDate, c.DocumentsCompleteOn, c.Status, c.PaidOn, c.PaidAmount, c.CoveredOnEvent, c.MonthlyWage, c.Liability, c.AgencyId, c.RegionCode);
}
