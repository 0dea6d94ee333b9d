using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Agencies;

internal sealed record AgencyDto(Guid Id, string Code, string Name, AgencyKind Kind, Guid? ParentAgencyId, string RegionCode, string? Institution, bool Vertical)
{
    public static AgencyDto From(Agency a) => new(a.Id, a.Code, a.Name, a.Kind, a.ParentAgencyId, a.RegionCode, a.Institution, AgencyKinds.IsVertical(a.Kind));
}

/// <summary><c>/api/v1/agencies</c>: read with the Registry policy, write with Administration.</summary>
internal static class AgenciesApi
{
    public static IServiceCollection AddLindungAgencies(this IServiceCollection services) =>
        services.AddScoped<SaveAgency>();

    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/agencies").WithTags("Agencies");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Registry)
            .WithName("ListAgencies").WithSummary("Agencies the caller may see; q filters by code or name.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Registry)
            .WithName("GetAgency").WithSummary("One agency; 404 when it does not exist or is outside the caller's scope.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Administration)
            .WithName("CreateAgency").WithSummary("Create an agency (OPD) in a region of the caller's scope.");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Administration)
            .WithName("UpdateAgency").WithSummary("Replace an agency's code, name, kind, parent, region and (for a vertical institution) central institution.");
        return api;
    }

    private static async Task<Results<Ok<PageOf<AgencyDto>>, ValidationProblem>> ListAsync(
        HttpContext http, LindungDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var rows = db.AgenciesFor(AccessScope.From(http.User));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            // EF translates ToLower() to SQL lower() on both providers; the culture analyzers are about .NET strings.
#pragma warning disable CA1304, CA1311, CA1862
            rows = rows.Where(a => a.Code.ToLower().Contains(term) || a.Name.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return TypedResults.Ok(await paging.ToPageAsync(rows.OrderBy(a => a.RegionCode).ThenBy(a => a.Code), AgencyDto.From, ct));
    }

    private static async Task<Results<Ok<AgencyDto>, NotFound>> GetAsync(HttpContext http, LindungDbContext db, Guid id, CancellationToken ct) =>
        await db.AgenciesFor(AccessScope.From(http.User)).SingleOrDefaultAsync(a => a.Id == id, ct) is { } agency
            ? TypedResults.Ok(AgencyDto.From(agency))
            : TypedResults.NotFound();

    private static async Task<Results<Created<AgencyDto>, ValidationProblem>> CreateAsync(
        HttpContext http, SaveAgency save, AgencyRequest request, CancellationToken ct)
    {
        var result = await save.HandleAsync(null, request, AccessScope.From(http.User), ct);
        return result.Succeeded
            ? TypedResults.Created($"{ApiSetup.Prefix}/agencies/{result.Value.Id}", AgencyDto.From(result.Value))
            : ApiLanguage.Problem(http, result.Errors, "agency");
    }

    private static async Task<Results<Ok<AgencyDto>, NotFound, ValidationProblem>> UpdateAsync(
        HttpContext http, SaveAgency save, Guid id, AgencyRequest request, CancellationToken ct)
    {
        var result = await save.HandleAsync(id, request, AccessScope.From(http.User), ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(AgencyDto.From(result.Value));
        }

        return result.Errors[0].Code == SaveAgency.NotFound.Code ? TypedResults.NotFound() : ApiLanguage.Problem(http, result.Errors, "agency");
    }
}
