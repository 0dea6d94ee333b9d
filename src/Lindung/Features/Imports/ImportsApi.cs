using Lindung.Data;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Imports;

/// <summary>
/// <c>/api/v1/imports</c>: upload a roster or membership file as a background job, follow its
/// progress, cancel it, download its row report. Registry policy; every job is read through
/// <see cref="ScopedQueries.ImportJobsFor"/>, so another agency's job is a 404.
/// </summary>
internal static class ImportsApi
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.Registry);
        group.MapGet("/", ListAsync)
            .WithName("ListImports").WithSummary("Import jobs in the caller's scope, newest first.");
        group.MapPost("/", CreateAsync)
            .WithName("CreateImport")
            .WithSummary("Upload a file (multipart: file, kind, agency, mode, sheet, region, columns[<column>]); 202 with the queued job.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetImport").WithSummary("A job's status, progress, counts and first issues.");
        group.MapPost("/{id:guid}/confirm", ConfirmAsync)
            .WithName("ConfirmImport")
            .WithSummary("Confirm the plan a job waits on (JSON: plan = its fingerprint; force and agency_code for a replace over the limit); 202 with the queued job.");
        group.MapPost("/{id:guid}/undo", UndoAsync)
            .WithName("UndoImport")
            .WithSummary("Undo the batch a job committed: the registry goes back to exactly its state before it. 409 when a later import or edit stands in the way.");
        group.MapDelete("/{id:guid}", CancelAsync)
            .WithName("CancelImport").WithSummary("Cancel a job; a running one stops and rolls back. 409 when it has finished.");
        group.MapGet("/{id:guid}/report.csv", (HttpContext http, LindungDbContext db, LindungHostOptions host, Guid id, CancellationToken ct) =>
                ReportAsync(http, db, host, id, xlsx: false, ct))
            .WithName("GetImportReportCsv").WithSummary("The row report as CSV.");
        group.MapGet("/{id:guid}/report.xlsx", (HttpContext http, LindungDbContext db, LindungHostOptions host, Guid id, CancellationToken ct) =>
                ReportAsync(http, db, host, id, xlsx: true, ct))
            .WithName("GetImportReportXlsx").WithSummary("The row report as an XLSX workbook, when the runner wrote one.");
        return api;
    }

    private static async Task<Results<Ok<PageOf<ImportJobDto>>, ValidationProblem>> ListAsync(
        HttpContext http, LindungDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var english = ApiLanguage.IsEnglish(http);
        var rows = db.ImportJobsFor(AccessScope.From(http.User)).OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id);
        return TypedResults.Ok(await paging.ToPageAsync(rows, j => ImportJobDto.From(j, english), ct));
    }

    private static async Task<Results<Accepted<ImportJobDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, LindungDbContext db, ImportJobQueue queue, IOptions<ImportOptions> options, LindungHostOptions host,
        ImportSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var (form, upload, error) = await MultipartUpload.ReadAsync(http.Request, host.DataDirectory, options.Value.MaxUploadBytes, ct);
        if (error is not null)
        {
            return ApiLanguage.Problem(http, "file", error);
        }

        var choice = new ImportChoice(
            form.GetValueOrDefault("kind"), form.GetValueOrDefault("agency"), form.GetValueOrDefault("mode"), form.GetValueOrDefault("sheet"),
            form.GetValueOrDefault("region"), MultipartUpload.Columns(form), form.GetValueOrDefault("roster_mode"));
        var (job, errors) = await StartImport.CreateAsync(
            db, queue, AccessScope.From(http.User), choice, upload!, host.DataDirectory, allowMapping: false, settings.Limits, clock.GetUtcNow().UtcDateTime, ct);
        if (job is null)
        {
            return errors.Values.Any(e => e == ImportFileErrors.Busy)
                ? TypedResults.Problem(ImportFileErrors.Busy.Message(ApiLanguage.IsEnglish(http)), statusCode: StatusCodes.Status503ServiceUnavailable)
                : ApiLanguage.Problem(http, errors);
        }

        var dto = ImportJobDto.From(job, ApiLanguage.IsEnglish(http));
        return TypedResults.Accepted($"{ApiSetup.Prefix}/imports/{job.Id}", dto);
    }

    private static async Task<Results<Ok<ImportJobDto>, NotFound>> GetAsync(HttpContext http, LindungDbContext db, Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobsFor(AccessScope.From(http.User)).AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(ImportJobDto.From(job, ApiLanguage.IsEnglish(http)));
    }

    private static async Task<Results<Accepted<ImportJobDto>, NotFound, ProblemHttpResult>> CancelAsync(
        HttpContext http, LindungDbContext db, ImportJobQueue queue, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var jobs = db.ImportJobsFor(AccessScope.From(http.User)).AsNoTracking();
        if (!await jobs.AnyAsync(j => j.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var english = ApiLanguage.IsEnglish(http);
        if (!await CancelImport.CancelAsync(db, queue, id, clock.GetUtcNow().UtcDateTime, ct))
        {
            return TypedResults.Problem(
                english ? "The import has already finished." : "Impor sudah selesai.", statusCode: StatusCodes.Status409Conflict);
        }

        var job = await jobs.SingleAsync(j => j.Id == id, ct);
        return TypedResults.Accepted($"{ApiSetup.Prefix}/imports/{id}", ImportJobDto.From(job, english));
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> ReportAsync(
        HttpContext http, LindungDbContext db, LindungHostOptions host, Guid id, bool xlsx, CancellationToken ct)
    {
        var job = await db.ImportJobsFor(AccessScope.From(http.User)).AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        var path = xlsx ? job?.ReportXlsxPath : job?.ReportCsvPath;
        if (job is null || path is null || !File.Exists(ImportFiles.Full(host.DataDirectory, path)))
        {
            return TypedResults.NotFound();
        }

        var name = $"{Path.GetFileNameWithoutExtension(job.OriginalFileName)}-laporan{(xlsx ? ".xlsx" : ".csv")}";
        return TypedResults.PhysicalFile(ImportFiles.Full(host.DataDirectory, path), xlsx ? XlsxContentType : "text/csv; charset=utf-8", name);
    }

    private static async Task<Results<Accepted<ImportJobDto>, NotFound, ProblemHttpResult, ValidationProblem>> ConfirmAsync(
        HttpContext http, ConfirmImport confirm, Guid id, ConfirmImportBody body, CancellationToken ct)
    {
        var result = await confirm.HandleAsync(new ImportConfirmationRequest(id, body.Plan, body.Force, body.AgencyCode), AccessScope.From(http.User), ct);
        if (result.Succeeded)
        {
            return TypedResults.Accepted($"{ApiSetup.Prefix}/imports/{id}", ImportJobDto.From(result.Value, ApiLanguage.IsEnglish(http)));
        }

        var error = result.Errors[0];
        return error.Code switch
        {
            "IMPORT_NOT_FOUND" => TypedResults.NotFound(),
            _ when error.Field is { } field => ApiLanguage.Problem(http, field, error.Error),
            _ => UseCaseProblem(http, error, StatusCodes.Status409Conflict),
        };
    }

    private static async Task<Results<Ok<UndoneImport>, NotFound, ProblemHttpResult>> UndoAsync(
        HttpContext http, UndoImport undo, Guid id, CancellationToken ct)
    {
        var result = await undo.HandleJobAsync(id, AccessScope.From(http.User), ct);
        if (!result.Succeeded)
        {
            return result.Errors[0].Code == UndoErrors.NotFound.Code
                ? TypedResults.NotFound()
                : UseCaseProblem(http, result.Errors[0], StatusCodes.Status409Conflict);
        }

        if (http.RequestServices.GetService<Dashboard.SnapshotRefresher>() is { } snapshots)
        {
            await snapshots.RefreshNowAsync(ct);
        }

        return TypedResults.Ok(result.Value);
    }

    private static ProblemHttpResult UseCaseProblem(HttpContext http, Application.UseCaseError error, int status) =>
        TypedResults.Problem(
            error.Message(ApiLanguage.IsEnglish(http)), statusCode: status, title: error.Code,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
}
