using Lindung.Data;
using Lindung.Features.Api;
using Lindung.Features.Audit;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Compliance;

/// <summary><c>/api/v1/compliance</c>: what licensing and procurement systems ask before they act.</summary>
internal static class ComplianceApi
{
    public static IServiceCollection AddLindungCompliance(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ComplianceOptions>(configuration.GetSection(ComplianceOptions.Section))
            .AddScoped<CheckEmployerCompliance>().AddSingleton<ComplianceAnswerCache>()
            .AddScoped<Employers.ListEmployers>();

    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/compliance").WithTags("Compliance").RequireAuthorization(Policies.Employers);
        group.MapGet("/employers/{identifier}", GetEmployerAsync)
            .WithName("GetEmployerCompliance")
            .WithSummary("PATUH, TIDAK_PATUH or TIDAK_TERDAFTAR with findings, for an NPP (8 digits), NIB (13) or NPWP (15/16); an unknown but well-formed identifier is TIDAK_TERDAFTAR.");
        return api;
    }

    private static async Task<Results<Ok<EmployerCompliance>, ValidationProblem>> GetEmployerAsync(
        HttpContext http, CheckEmployerCompliance check, AuditQueue audit, LindungDbContext db, string identifier, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        var result = await check.HandleAsync(identifier, scope, ct);
        if (!result.Succeeded)
        {
            return ApiLanguage.Problem(http, result.Errors, CheckEmployerCompliance.IdentifierField);
        }

        // Every answered check is audited, through the queue: see AuditQueue for what a crash can lose.
        await audit.AddAsync(ComplianceAudit.Of(result.Value, scope), db);
        return TypedResults.Ok(result.Value);
    }
}
