using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Employers;

internal sealed record EmployerDto(
    Guid Id, string Name, string? Nib, string? Npwp, string? Npp, BusinessSize? BusinessSize, int? JkkRiskGroup, string? Sector, string RegionCode)
{
    public static EmployerDto From(Employer e) => new(e.Id, e.Name, e.Nib, e.Npwp, e.Npp, e.BusinessSize, e.JkkRiskGroup, e.Sector, e.RegionCode);
}

/// <summary><c>/api/v1/employers</c>: firms, contractors and vendors, Employers policy (licensing systems included).</summary>
internal static class EmployersApi
{
    public static IEndpointRouteBuilder MapEmployersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/employers").WithTags("Employers").RequireAuthorization(Policies.Employers);
        group.MapGet("/", ListAsync)
            .WithName("ListEmployers").WithSummary("Employers in the caller's regions; q is an NPP, NIB, NPWP or part of the name.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetEmployer").WithSummary("One employer; 404 when it does not exist or is outside the caller's scope.");
        return api;
    }

    private static async Task<Results<Ok<PageOf<EmployerDto>>, ValidationProblem>> ListAsync(
        HttpContext http, LindungDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var rows = db.EmployersFor(AccessScope.From(http.User)).Matching(q);
        return TypedResults.Ok(await paging.ToPageAsync(rows.OrderBy(e => e.Name).ThenBy(e => e.Id), EmployerDto.From, ct));
    }

    private static async Task<Results<Ok<EmployerDto>, NotFound>> GetAsync(HttpContext http, LindungDbContext db, Guid id, CancellationToken ct) =>
        await db.EmployersFor(AccessScope.From(http.User)).SingleOrDefaultAsync(e => e.Id == id, ct) is { } employer
            ? TypedResults.Ok(EmployerDto.From(employer))
            : TypedResults.NotFound();
}
