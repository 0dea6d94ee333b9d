using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Compliance;

/// <summary><c>/api/v1/compliance</c>: what licensing and procurement systems ask before they act.</summary>
internal static class ComplianceApi
{
    public static IServiceCollection AddLindungCompliance(this IServiceCollection services) =>
        services.AddScoped<CheckEmployerCompliance>();

    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/compliance").WithTags("Compliance").RequireAuthorization(Policies.Employers);
        group.MapGet("/employers/{identifier}", GetEmployerAsync)
            .WithName("GetEmployerCompliance")
            .WithSummary("PATUH, TIDAK_PATUH or TIDAK_TERDAFTAR with findings, for an NPP (8 digits), NIB (13) or NPWP (15/16); an unknown but well-formed identifier is TIDAK_TERDAFTAR.");
        return api;
    }

    private static async Task<Results<Ok<EmployerCompliance>, ValidationProblem>> GetEmployerAsync(
        HttpContext http, CheckEmployerCompliance check, string identifier, CancellationToken ct)
    {
        var result = await check.HandleAsync(identifier, AccessScope.From(http.User), ct);
        return result.Succeeded
            ? TypedResults.Ok(result.Value)
            : ApiLanguage.Problem(http, result.Errors.ToDictionary(e => e.Field ?? CheckEmployerCompliance.IdentifierField, e => e.Error));
    }
}
