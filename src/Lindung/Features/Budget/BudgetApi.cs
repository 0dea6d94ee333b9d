using Lindung.Domain.Budget;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Budget;

/// <summary><c>/api/v1/budget</c>: the APBD budget planner.</summary>
internal static class BudgetApi
{
    /// <summary>The format that answers one workbook per agency in a ZIP.</summary>
    public const string PerAgencyFormat = "agency-xlsx";

    public static IServiceCollection AddLindungBudget(this IServiceCollection services) =>
        services.AddScoped<PlanBudget>().AddScoped<RosterBudgetGroups>();

    public static IEndpointRouteBuilder MapBudgetApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/budget/plan", PlanAsync).RequireAuthorization(Policies.Budget)
            .WithTags("Budget")
            .WithName("PlanBudget")
            .WithSummary("Prices a scenario {from: YYYY-MM, months, wage_increase_percent?, jp_cap_growth_percent?, groups: [{name, segment PU|BPU, count, wage|income, risk_group, programs, payer APBD|APBN|SPONSOR|SELF|VILLAGE_FUND, occupation transport|other}], roster?: {programs, risk_group, payer} adds the agencies' staff the caller may see at their roster wages, one line per agency} month by month: total, employer_total, worker_total, by_payer, per group by_month, legal_basis. ?format=xlsx answers the workbook; ?format=agency-xlsx (needs roster) a ZIP of one workbook per agency, its staff alone, for its RKA.");
        return api;
    }

    private static async Task<Results<Ok<BudgetPlan>, FileContentHttpResult, ValidationProblem>> PlanAsync(
        HttpContext http, PlanBudget plan, IStringLocalizer l, BudgetScenarioDocument? scenario, string? format, CancellationToken ct)
    {
        if (string.Equals(format, PerAgencyFormat, StringComparison.OrdinalIgnoreCase))
        {
            var agencies = await plan.PerAgencyAsync(scenario, AccessScope.From(http.User), ct);
            if (!agencies.Succeeded)
            {
                return ApiLanguage.Problem(http, agencies.Errors, "scenario");
            }

            using var zip = new MemoryStream();
            BudgetXlsx.WritePerAgency(zip, agencies.Value, l);
            return TypedResults.File(zip.ToArray(), "application/zip", BudgetXlsx.PerAgencyFileName(agencies.Value));
        }

        var result = await plan.HandleAsync(scenario, AccessScope.From(http.User), ct);
        if (!result.Succeeded)
        {
            return ApiLanguage.Problem(http, result.Errors, "scenario");
        }

        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            BudgetXlsx.Write(buffer, result.Value, l);
            return TypedResults.File(buffer.ToArray(), BudgetXlsx.ContentType, BudgetXlsx.FileName(result.Value));
        }

        return TypedResults.Ok(result.Value);
    }
}
