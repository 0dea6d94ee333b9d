using Lindung.Data;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Licensing;

/// <summary><c>/api/v1/compliance/checks</c>: the licensing gate for licensing systems, and the checks they asked.</summary>
internal static class LicensingApi
{
    public static IServiceCollection AddLindungLicensing(this IServiceCollection services)
    {
        services.AddScoped<CheckLicence>();
        services.AddScoped<AddLicenceRule>();
        services.AddHostedService<LicenceRuleFileLoader>();
        return services;
    }

    public static IEndpointRouteBuilder MapLicensingApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/compliance/checks").WithTags("Compliance").RequireAuthorization(Policies.Licensing);
        group.MapPost(string.Empty, CheckAsync)
            .WithName("CheckLicence")
            .WithSummary("IZINKAN, TINJAU or TOLAK for a licence application (licence_type, identifier NPP/NIB/NPWP, application_number, optional nik of a sole trader and region_code), with the reasons and the rule that decided; the check is stored.");
        group.MapGet(string.Empty, ListAsync)
            .WithName("ListLicenceChecks")
            .WithSummary("Stored licence checks of the caller's regions, newest first (page, pageSize, optional application_number).");
        return api;
    }

    private static async Task<Results<Ok<LicenceCheckDto>, ValidationProblem>> CheckAsync(
        HttpContext http, CheckLicence check, LicenceCheckRequest request, CancellationToken ct)
    {
        var result = await check.HandleAsync(request, AccessScope.From(http.User), ct);
        return result.Succeeded
            ? TypedResults.Ok(result.Value)
            : ApiLanguage.Problem(http, result.Errors, CheckLicence.LicenceTypeField);
    }

    private static async Task<Results<Ok<PageOf<LicenceCheckDto>>, ValidationProblem>> ListAsync(
        HttpContext http, LindungDbContext db, int? page, int? pageSize, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "application_number")] string? applicationNumber, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var checks = LicenceChecks.For(db, AccessScope.From(http.User), applicationNumber);
        return TypedResults.Ok(await paging.ToPageAsync(checks, LicenceCheckDto.From, ct));
    }
}

/// <summary>Stored checks as one caller may list them: their regions' rows, newest first.</summary>
internal static class LicenceChecks
{
    public static IOrderedQueryable<Data.Entities.LicenceCheck> For(LindungDbContext db, AccessScope scope, string? applicationNumber = null)
    {
        var checks = db.LicenceChecks.AsNoTracking().Include(c => c.Rule).InRegions(scope);
        if (!string.IsNullOrWhiteSpace(applicationNumber))
        {
            var number = applicationNumber.Trim();
            checks = checks.Where(c => c.ApplicationNumber == number);
        }

        return checks.OrderByDescending(c => c.AskedAt).ThenByDescending(c => c.Id);
    }
}
