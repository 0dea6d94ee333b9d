using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Features.Api;
using Lindung.Features.Imports;
using Lindung.Hosting;
using Lindung.Localization;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Groups;

/// <summary><c>/api/v1/groups</c>: informal workers' groups under agency programmes and their members.</summary>
internal static class GroupsApi
{
    public static IServiceCollection AddLindungGroups(this IServiceCollection services) =>
        services.AddScoped<CreateGroup>().AddScoped<ImportGroupMembers>().AddScoped<LoadGroup>().AddScoped<ListGroups>();

    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/group-kinds", KindsAsync).RequireAuthorization(Policies.Groups)
            .WithTags("Groups").WithName("ListGroupKinds")
            .WithSummary("The kinds of group this installation knows (code and names), e.g. kelompok_tani, guru_ngaji, tagana.");
        api.MapGet("/groups", ListAsync).RequireAuthorization(Policies.Groups)
            .WithTags("Groups").WithName("ListGroups")
            .WithSummary("The groups the caller may see (an operator: its agency's) with members, enrolled today and the monthly cost to enrol the rest at BPU rates.");
        api.MapPost("/groups", CreateAsync).RequireAuthorization(Policies.GroupsEdit)
            .WithTags("Groups").WithName("CreateGroup")
            .WithSummary("Creates a group: {name, kind, agency_id (an operator: its own), village_code?, payer: SELF|APBD|APBN|SPONSOR|VILLAGE_FUND}.");
        api.MapGet("/groups/{id:guid}", GetAsync).RequireAuthorization(Policies.Groups)
            .WithTags("Groups").WithName("GetGroup")
            .WithSummary("One group with its members (NIK masked), enrolment today and the monthly cost to enrol the rest.");
        api.MapPost("/groups/{id:guid}/members", ImportAsync).RequireAuthorization(Policies.GroupsEdit)
            .WithTags("Groups").WithName("ImportGroupMembers")
            .WithSummary("Imports the member list (multipart: file CSV/XLSX with nik, nama, pekerjaan?, penghasilan?, sektor?; valid_only; sheet): every refused row named; all or nothing unless valid_only; the same file twice changes nothing.");
        return api;
    }

    private static async Task<Ok<List<GroupKindDto>>> KindsAsync(LindungDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.GroupKinds.AsNoTracking().OrderBy(k => k.NameId).Select(k => new GroupKindDto(k.Code, k.NameId, k.NameEn)).ToListAsync(ct));

    private static async Task<Ok<IReadOnlyList<GroupSummary>>> ListAsync(HttpContext http, ListGroups list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<GroupView>, NotFound, ForbidHttpResult, ValidationProblem>> CreateAsync(
        HttpContext http, CreateGroup create, LoadGroup load, GroupBody body, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        var created = await create.HandleAsync(new GroupInput(body.Name, body.Kind, body.AgencyId, body.VillageCode, body.Payer), scope, ct);
        return created.Succeeded
            ? Answer(http, await load.HandleAsync(created.Value.Id, scope, English(), ct))
            : Answer(http, UseCaseResult<GroupView>.Refused([.. created.Errors]));
    }

    private static async Task<Results<Ok<GroupView>, NotFound, ForbidHttpResult, ValidationProblem>> GetAsync(HttpContext http, LoadGroup load, Guid id, CancellationToken ct) =>
        Answer(http, await load.HandleAsync(id, AccessScope.From(http.User), English(), ct));

    private static async Task<Results<Ok<GroupImportDto>, UnprocessableEntity<GroupImportDto>, NotFound, ForbidHttpResult, ValidationProblem>> ImportAsync(
        HttpContext http, ImportGroupMembers import, IOptions<ImportOptions> options, LindungHostOptions host, Guid id, CancellationToken ct)
    {
        var (form, upload, error) = await MultipartUpload.ReadAsync(http.Request, host.DataDirectory, options.Value.MaxUploadBytes, ct);
        if (error is not null || upload is null)
        {
            return ApiLanguage.Problem(http, "file", error ?? ImportFileErrors.FileRequired);
        }

        var path = ImportFiles.Full(host.DataDirectory, upload.StoredPath);
        try
        {
            var validOnly = bool.TryParse(form.GetValueOrDefault("valid_only"), out var v) && v;
            var result = await import.HandleAsync(id, path, form.GetValueOrDefault("sheet"), validOnly, AccessScope.From(http.User), ct);
            if (!result.Succeeded)
            {
                var code = result.Errors[0].Code;
                return code == GroupErrors.NotFound.Code ? TypedResults.NotFound()
                    : code == GroupErrors.NotAllowed.Code ? TypedResults.Forbid()
                    : ApiLanguage.Problem(http, result.Errors, "group");
            }

            var dto = GroupImportDto.From(result.Value);
            // Valid rows only answers 200 whatever it refused (the report names each row); otherwise one bad row is a 422.
            return result.Value.RowsInvalid > 0 && !validOnly ? TypedResults.UnprocessableEntity(dto) : TypedResults.Ok(dto);
        }
        finally
        {
            ImportFiles.TryDelete(path);
        }
    }

    private static bool English() => Languages.IsEnglish(CultureInfo.CurrentUICulture);

    private static Results<Ok<T>, NotFound, ForbidHttpResult, ValidationProblem> Answer<T>(HttpContext http, UseCaseResult<T> result)
    {
        if (result.Succeeded)
        {
            return TypedResults.Ok(result.Value);
        }

        var code = result.Errors[0].Code;
        return code == GroupErrors.NotFound.Code ? TypedResults.NotFound()
            : code == GroupErrors.NotAllowed.Code ? TypedResults.Forbid()
            : ApiLanguage.Problem(http, result.Errors, "group");
    }
}

internal sealed record GroupBody(string? Name, string? Kind, Guid? AgencyId, string? VillageCode, string? Payer);

internal sealed record GroupKindDto(string Code, string NameId, string NameEn);

internal sealed record GroupImportDto(Guid GroupId, int RowsRead, int RowsInvalid, int New, int Changed, int Unchanged, bool Committed, IReadOnlyList<RowIssue> Issues)
{
    public static GroupImportDto From(GroupImportResult r) => new(r.GroupId, r.RowsRead, r.RowsInvalid, r.New, r.Changed, r.Unchanged, r.Committed, r.Issues);
}
