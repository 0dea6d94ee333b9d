using System.Text.Json;
using System.Text.Json.Serialization;
using Lindung.Features.Actions;
using Lindung.Features.Agencies;
using Lindung.Features.ApiKeys;
using Lindung.Features.Audit;
using Lindung.Features.Branches;
using Lindung.Features.Budget;
using Lindung.Features.Certificates;
using Lindung.Features.Claims;
using Lindung.Features.Compliance;
using Lindung.Features.Dashboard;
using Lindung.Features.Employers;
using Lindung.Features.Enforcement;
using Lindung.Features.Field;
using Lindung.Features.Groups;
using Lindung.Features.Imports;
using Lindung.Features.Interop;
using Lindung.Features.Licensing;
using Lindung.Features.Memberships;
using Lindung.Features.Procurement;
using Lindung.Features.Reconciliation;
using Lindung.Features.Sponsors;
using Lindung.Features.Tickets;
using Lindung.Features.Villages;
using Lindung.Features.Workers;
using Lindung.Security;

namespace Lindung.Features.Api;

/// <summary>
/// The JSON API under <c>/api/v1</c>: snake_case bodies, enum values as the DOMAIN codes,
/// problem details for every error, and an OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
internal static class ApiSetup
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddLindungApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        });
        services.AddOpenApi(openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Lindung API";
                document.Info.Description = "Registry of agencies, workers, employers and memberships, scoped to the caller. " +
                    "Authenticate with the sign-in cookie or `Authorization: Bearer lk_<prefix>_<secret>`.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Problem details for empty error responses (401, 403, 404) under /api only; pages keep their HTML.</summary>
    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) =>
        app.UseWhen(context => IdentitySetup.IsApi(context.Request), api => api.UseStatusCodePages());

    public static IEndpointRouteBuilder MapLindungApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup(Prefix);
        api.MapAgenciesApi();
        api.MapWorkersApi();
        api.MapMembershipsApi();
        api.MapEmployersApi();
        api.MapComplianceApi();
        api.MapCertificatesApi();
        api.MapLicensingApi();
        api.MapDciSearchApi();
        api.MapApiKeysApi();
        api.MapReconciliationApi();
        api.MapImportsApi();
        api.MapReportsApi();
        api.MapAuditApi();
        api.MapBranchesApi();
        api.MapProcurementApi();
        api.MapBudgetApi();
        api.MapVillagesApi();
        api.MapSponsorsApi();
        api.MapEnforcementApi();
        api.MapClaimsApi();
        api.MapTicketsApi();
        api.MapGroupsApi();
        api.MapFieldApi();
        api.MapActionsApi();
        return app;
    }
}
