using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Actions;

/// <summary><c>/api/v1/actions</c>: what to do next, ranked by protection per rupiah.</summary>
internal static class ActionsApi
{
    public static IServiceCollection AddLindungActions(this IServiceCollection services) => services.AddScoped<RankActions>();

    public static IEndpointRouteBuilder MapActionsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/actions", ListAsync).RequireAuthorization(Policies.Dashboards)
            .WithTags("Dashboard").WithName("RankActions")
            .WithSummary("Up to 100 actions over the agencies, fostered villages, groups, employers and contracts the caller may see (register, reactivate, correct_wage, complete_programs, sponsor_village, enrol_group, chase_employer, protect_contract) with workers, monthly rupiah and who pays it (programme or employer), workers per million rupiah, the JKK risk group where known and the page that does it, best first.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<RankedAction>>> ListAsync(HttpContext http, RankActions rank, CancellationToken ct) =>
        TypedResults.Ok(await rank.HandleAsync(AccessScope.From(http.User), ct));
}
