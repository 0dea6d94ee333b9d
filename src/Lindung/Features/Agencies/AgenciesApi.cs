using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Agencies;

internal sealed record AgencyDto(Guid Id, string Code, string Name, AgencyKind Kind, Guid? ParentAgencyId, string RegionCode)
{
    public static AgencyDto From(Agency a) => new(a.Id, a.Code, a.Name, a.Kind, a.ParentAgencyId, a.RegionCode);
}

internal sealed record AgencyRequest(string? Code, string? Name, AgencyKind? Kind, Guid? ParentAgencyId, string? RegionCode);

/// <summary><c>/api/v1/agencies</c>: read with the Registry policy, write with Administration.</summary>
internal static class AgenciesApi
{
    public static readonly ValidationError CodeTaken = new("code_taken", "Kode instansi sudah dipakai di wilayah ini.", "The agency code is already used in this region.");
    public static readonly ValidationError ParentUnknown = new("parent_unknown", "Instansi induk tidak ditemukan.", "No such parent agency.");

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
            .WithName("UpdateAgency").WithSummary("Replace an agency's code, name, kind, parent and region.");
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
        HttpContext http, LindungDbContext db, AgencyRequest request, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        var agency = new Agency { Code = string.Empty, Name = string.Empty, RegionCode = string.Empty };
        var errors = await ApplyAsync(db, scope, agency, request, ct);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{ApiSetup.Prefix}/agencies/{agency.Id}", AgencyDto.From(agency));
    }

    private static async Task<Results<Ok<AgencyDto>, NotFound, ValidationProblem>> UpdateAsync(
        HttpContext http, LindungDbContext db, Guid id, AgencyRequest request, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        if (await db.AgenciesFor(scope).SingleOrDefaultAsync(a => a.Id == id, ct) is not { } agency)
        {
            return TypedResults.NotFound();
        }

        var errors = await ApplyAsync(db, scope, agency, request, ct);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AgencyDto.From(agency));
    }

    /// <summary>Validates the request and, when valid, copies it onto <paramref name="agency"/>.</summary>
    private static async Task<Dictionary<string, ValidationError>> ApplyAsync(
        LindungDbContext db, AccessScope scope, Agency agency, AgencyRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var code = Fields.Text(request.Code, 32, "code", errors);
        var name = Fields.Text(request.Name, 200, "name", errors);
        var region = Fields.Region(request.RegionCode, scope, inScope: true, "region_code", errors);
        if (request.Kind is null)
        {
            errors["kind"] = Fields.Required;
        }

        if (request.ParentAgencyId is { } parent && (parent == agency.Id || !await db.AgenciesFor(scope).AnyAsync(a => a.Id == parent, ct)))
        {
            errors["parent_agency_id"] = ParentUnknown;
        }

        if (code is not null && region is not null && await db.Agencies.AnyAsync(a => a.RegionCode == region && a.Code == code && a.Id != agency.Id, ct))
        {
            errors["code"] = CodeTaken;
        }

        if (errors.Count == 0)
        {
            agency.Code = code!;
            agency.Name = name!;
            agency.Kind = request.Kind!.Value;
            agency.ParentAgencyId = request.ParentAgencyId;
            agency.RegionCode = region!;
        }

        return errors;
    }
}
