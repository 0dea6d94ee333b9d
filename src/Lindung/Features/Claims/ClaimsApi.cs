using Lindung.Data.Entities;
using Lindung.Domain.Claims;
using Lindung.Features.Api;
using Lindung.Features.Imports;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Claims;

/// <summary><c>/api/v1/claims</c>: benefit claims of known workers, their SLA clocks, the liability of uncovered events, and the import of a branch's claims extract.</summary>
internal static class ClaimsApi
{
    public static IServiceCollection AddLindungClaims(this IServiceCollection services) =>
        services.AddScoped<RecordClaim>().AddScoped<UpdateClaim>().AddScoped<ListClaims>().AddScoped<ImportClaims>();

    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/claims", ListAsync).RequireAuthorization(Policies.Claims).WithTags("Claims").WithName("ListClaims")
            .WithSummary("Claims the caller may see (an operator: its staff's), overdue first, with working days since complete documents vs the SLA, and the summary: by kind and status, median days to payment, overdue, uncovered accidents this year and their liability.");
        api.MapPost("/claims", RecordAsync).RequireAuthorization(Policies.ClaimsEdit).WithTags("Claims").WithName("RecordClaim")
            .WithSummary("{nik, kind: jkk|jkm|jht|jp, death?, event_date, claim_date?, documents_complete_on?, monthly_wage?}; coverage on the event day is decided here, and an uncovered event's liability estimated.");
        api.MapPost("/claims/{id:guid}", UpdateAsync).RequireAuthorization(Policies.ClaimsEdit).WithTags("Claims").WithName("UpdateClaim")
            .WithSummary("{status: reported|submitted|complete|paid|rejected, claim_date?, documents_complete_on?, paid_on?, paid_amount?}; forward only, a paid or rejected claim is final.");
        api.MapPost("/claims/imports", ImportAsync).RequireAuthorization(Policies.ClaimsEdit).WithTags("Claims").WithName("ImportClaims")
            .WithSummary("Imports a branch's claims extract (multipart: file CSV or XLSX, valid_only, sheet): keyed by the branch's claim number, counts new/changed/unchanged, every refused row named; all or nothing unless valid_only.");
        return api;
    }

    private static async Task<Ok<ClaimList>> ListAsync(HttpContext http, ListClaims list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(AccessScope.From(http.User), ct));

    private static async Task<Results<Created<ClaimDto>, NotFound, ValidationProblem>> RecordAsync(HttpContext http, RecordClaim record, ClaimBody body, CancellationToken ct)
    {
        var result = await record.HandleAsync(
            new ClaimInput(body.Nik, body.Kind, body.Death ?? false, body.EventDate, body.ClaimDate, body.DocumentsCompleteOn, body.MonthlyWage), AccessScope.From(http.User), ct);
        if (result.Succeeded)
        {
            return TypedResults.Created($"{ApiSetup.Prefix}/claims/{result.Value.Id}", ClaimDto.From(result.Value));
        }

        return result.Errors[0].Code == ClaimErrors.NotFound.Code ? TypedResults.NotFound() : ApiLanguage.Problem(http, result.Errors, "claim");
    }

    private static async Task<Results<Ok<ClaimDto>, NotFound, ValidationProblem>> UpdateAsync(HttpContext http, UpdateClaim update, Guid id, ClaimUpdateBody body, CancellationToken ct)
    {
        var result = await update.HandleAsync(id, new ClaimUpdate(body.Status, body.ClaimDate, body.DocumentsCompleteOn, body.PaidOn, body.PaidAmount), AccessScope.From(http.User), ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(ClaimDto.From(result.Value));
        }

        return result.Errors[0].Code == ClaimErrors.NotFound.Code ? TypedResults.NotFound() : ApiLanguage.Problem(http, result.Errors, "claim");
    }

    private static async Task<Results<Ok<ClaimImportDto>, UnprocessableEntity<ClaimImportDto>, ValidationProblem>> ImportAsync(
        HttpContext http, ImportClaims import, IOptions<ImportOptions> options, LindungHostOptions host, CancellationToken ct)
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
            var result = await import.HandleAsync(new ClaimImportRequest(path, upload.OriginalFileName, form.GetValueOrDefault("sheet"), validOnly), AccessScope.From(http.User), ct);
            if (!result.Succeeded)
            {
                return ApiLanguage.Problem(http, result.Errors, "file");
            }

            var dto = ClaimImportDto.From(result.Value);
            return result.Value.RowsInvalid > 0 && !result.Value.Committed ? TypedResults.UnprocessableEntity(dto) : TypedResults.Ok(dto);
        }
        finally
        {
            ImportFiles.TryDelete(path);
        }
    }
}

internal sealed record ClaimBody(string? Nik, string? Kind, bool? Death, DateOnly? EventDate, DateOnly? ClaimDate, DateOnly? DocumentsCompleteOn, long? MonthlyWage);

internal sealed record ClaimUpdateBody(string? Status, DateOnly? ClaimDate, DateOnly? DocumentsCompleteOn, DateOnly? PaidOn, long? PaidAmount);

internal sealed record ClaimDto(
    Guid Id, string? ClaimNumber, Guid WorkerId, ClaimKind Kind, bool Death, DateOnly EventDate, DateOnly? ClaimDate, DateOnly? DocumentsCompleteOn, ClaimStatus Status,
    DateOnly? PaidOn, long? PaidAmount, bool CoveredOnEvent, long? MonthlyWage, long? Liability, Guid? AgencyId, string RegionCode)
{
    public static ClaimDto From(BenefitClaim c) => new(
        c.Id, c.ClaimNumber, c.WorkerId, c.Kind, c.Death, c.EventDate, c.ClaimDate, c.DocumentsCompleteOn, c.Status, c.PaidOn, c.PaidAmount, c.CoveredOnEvent, c.MonthlyWage, c.Liability, c.AgencyId, c.RegionCode);
}

/// <summary>What <c>POST /api/v1/claims/imports</c> answers: the counts and the first refused rows.</summary>
internal sealed record ClaimImportDto(Guid BatchId, int RowsRead, int RowsInvalid, int New, int Changed, int Unchanged, bool Committed, IReadOnlyList<RowIssue> Issues)
{
    public static ClaimImportDto From(ClaimImportResult r) => new(r.BatchId, r.RowsRead, r.RowsInvalid, r.New, r.Changed, r.Unchanged, r.Committed, r.Issues);
}
