using Lindung.Data;
using Lindung.Features.Api;
using Lindung.Features.Dashboard;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Branches;

/// <summary><c>/api/v1/branches</c>: branch offices and their figures, limited to the caller's regions.</summary>
internal static class BranchesApi
{
    public static IEndpointRouteBuilder MapBranchesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/branches").WithTags("Branches").RequireAuthorization(Policies.Branches);
        group.MapGet("/", ListAsync)
            .WithName("ListBranches")
            .WithSummary("Branch offices whose working area on `date` (default today) holds a regency in the caller's regions, with those regencies.");
        group.MapGet("/{code}/coverage", CoverageAsync)
            .WithName("GetBranchCoverage")
            .WithSummary("Active participants per segment (PU, BPU, PMI, JAKON) and PU employers per regency of the branch's working area on `date`, and totals; " +
                "`partial` when part of the working area is outside the caller's regions (those regencies are left out); 404 outside them.");
        return api;
    }

    private static async Task<Results<Ok<List<BranchDto>>, ValidationProblem>> ListAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, string? date, CancellationToken ct)
    {
        if (Day(date, clock) is not { } day)
        {
            return ApiLanguage.Problem(http, "date", BranchErrors.DateInFuture.Error);
        }

        var scope = ReportScope.From(AccessScope.From(http.User));
        return TypedResults.Ok((await new BranchCoverage(db).ListAsync(scope, day, ct)).Select(BranchDto.Of).ToList());
    }

    private static async Task<Results<Ok<BranchCoverageDto>, NotFound, ValidationProblem>> CoverageAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, string code, string? date, CancellationToken ct)
    {
        var today = clock.Today();
        if (Day(date, clock) is not { } day)
        {
            return ApiLanguage.Problem(http, "date", BranchErrors.DateInFuture.Error);
        }

        var result = await new BranchCoverage(db).CoverageAsync(code, day, today, ReportScope.From(AccessScope.From(http.User)), ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(BranchCoverageDto.Of(result.Value));
        }

        var error = result.Errors[0];
        return error.Code == BranchErrors.NotFound.Code
            ? TypedResults.NotFound()
            : ApiLanguage.Problem(http, error.Field ?? "date", error.Error);
    }

    /// <summary>The day asked (default today); null when it is not a date.</summary>
    private static DateOnly? Day(string? text, TimeProvider clock)
    {
        try
        {
            return BranchCommand.ParseDate(text, "date") ?? clock.Today();
        }
        catch (Cli.UsageException)
        {
            return null;
        }
    }
}
