using Lindung.Application;
using Lindung.Features.Api;
using Lindung.Features.Imports;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Villages;

/// <summary><c>/api/v1/villages</c> and <c>/api/v1/village-assignments</c>: fostered villages ("Satu OPD Satu Desa Dampingan").</summary>
internal static class VillagesApi
{
    public static IServiceCollection AddLindungVillages(this IServiceCollection services) =>
        services.AddScoped<AssignVillage>().AddScoped<EndVillageAssignment>().AddScoped<SetVillagePopulation>().AddScoped<ImportVillagePopulation>()
            .AddScoped<LoadVillage>().AddScoped<RankVillages>();

    public static IEndpointRouteBuilder MapVillagesApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/villages", RankAsync).RequireAuthorization(Policies.Villages)
            .WithTags("Villages").WithName("RankVillages")
            .WithSummary("The fostered villages the caller may see, ranked by the share of known working residents enrolled today, and the agencies ranked by their villages.");
        api.MapGet("/villages/{code}", GetAsync).RequireAuthorization(Policies.Villages)
            .WithTags("Villages").WithName("GetVillage")
            .WithSummary("One village (PP.KK.CC.DDDD): fostering agencies, working-age population, known workers, enrolled by segment, waiting, and the enrolled count at each of the last 12 month-ends. Counts only.");
        api.MapPut("/villages/{code}/population", SetPopulationAsync).RequireAuthorization(Policies.VillagesEdit)
            .WithTags("Villages").WithName("SetVillagePopulation")
            .WithSummary("Records a village's working-age population {\"working_age_population\": n} (0 to 10,000,000), e.g. from the village profile or the civil registry.");
        api.MapPost("/villages/population", ImportPopulationAsync).RequireAuthorization(Policies.VillagesEdit)
            .WithTags("Villages").WithName("ImportVillagePopulation")
            .WithSummary("Imports many villages' working-age population from one CSV or XLSX file (multipart: file; columns kode_desa, penduduk_usia_kerja, optional per_tanggal): all or nothing, every refused row named (422); the same file again changes nothing.");
        api.MapPost("/village-assignments", AssignAsync).RequireAuthorization(Policies.VillagesEdit)
            .WithTags("Villages").WithName("AssignVillage")
            .WithSummary("Makes an agency foster a village of its own regency: {agency_id, village_code, valid_from?, valid_to?}.");
        api.MapPost("/village-assignments/{id:guid}/end", EndAsync).RequireAuthorization(Policies.VillagesEdit)
            .WithTags("Villages").WithName("EndVillageAssignment")
            .WithSummary("Ends a fostering on end_date (default today); {\"undo\": true} reopens an ended one.");
        return api;
    }

    private static async Task<Ok<VillageRanking>> RankAsync(HttpContext http, RankVillages rank, CancellationToken ct) =>
        TypedResults.Ok(await rank.HandleAsync(AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<VillageView>, NotFound, ValidationProblem>> GetAsync(HttpContext http, LoadVillage load, string code, CancellationToken ct) =>
        Answer(http, await load.HandleAsync(code, AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<VillageView>, NotFound, ValidationProblem>> SetPopulationAsync(
        HttpContext http, SetVillagePopulation set, LoadVillage load, string code, VillagePopulationBody? body, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        var result = await set.HandleAsync(code, body?.WorkingAgePopulation, scope, ct);
        return result.Succeeded ? Answer(http, await load.HandleAsync(code, scope, ct)) : Answer(http, UseCaseResult<VillageView>.Refused([.. result.Errors]));
    }

    private static async Task<Results<Ok<PopulationImportResult>, UnprocessableEntity<PopulationImportResult>, ValidationProblem>> ImportPopulationAsync(
        HttpContext http, ImportVillagePopulation import, IOptions<ImportOptions> options, LindungHostOptions host, CancellationToken ct)
    {
        var (_, upload, error) = await MultipartUpload.ReadAsync(http.Request, host.DataDirectory, options.Value.MaxUploadBytes, ct);
        if (error is not null || upload is null)
        {
            return ApiLanguage.Problem(http, "file", error ?? ImportFileErrors.FileRequired);
        }

        var path = ImportFiles.Full(host.DataDirectory, upload.StoredPath);
        try
        {
            var result = await import.HandleAsync(path, AccessScope.From(http.User), ct);
            return !result.Succeeded ? ApiLanguage.Problem(http, result.Errors, "file")
                : result.Value.Committed ? TypedResults.Ok(result.Value)
                : TypedResults.UnprocessableEntity(result.Value);
        }
        finally
        {
            ImportFiles.TryDelete(path);
        }
    }

    private static async Task<Results<Ok<VillageAssignmentDto>, NotFound, ValidationProblem>> AssignAsync(
        HttpContext http, AssignVillage assign, AssignVillageBody body, CancellationToken ct) =>
        Answer(http, await assign.HandleAsync(new AssignVillageRequest(body.AgencyId ?? Guid.Empty, body.VillageCode, body.ValidFrom, body.ValidTo), AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<VillageAssignmentDto>, NotFound, ValidationProblem>> EndAsync(
        HttpContext http, EndVillageAssignment end, Guid id, EndVillageBody? body, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        return Answer(http, body?.Undo == true ? await end.ReopenAsync(id, scope, ct) : await end.HandleAsync(id, body?.EndDate, scope, ct));
    }

    private static Results<Ok<T>, NotFound, ValidationProblem> Answer<T>(HttpContext http, UseCaseResult<T> result)
    {
        if (result.Succeeded)
        {
            return TypedResults.Ok(result.Value);
        }

        var code = result.Errors[0].Code;
        return code == VillageErrors.NotFound.Code || code == VillageErrors.AssignmentNotFound.Code
            ? TypedResults.NotFound()
            : ApiLanguage.Problem(http, result.Errors, "village");
    }
}

internal sealed record AssignVillageBody(Guid? AgencyId, string? VillageCode, DateOnly? ValidFrom, DateOnly? ValidTo);

internal sealed record EndVillageBody(DateOnly? EndDate, bool Undo = false);

internal sealed record VillagePopulationBody(int? WorkingAgePopulation);
