using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Workers;

/// <summary>
/// A worker in a list: the NIK at most masked (<see cref="PersonalDataView.InList"/>), and so no birth
/// date or sex; name as the caller's role may see it (docs/PRIVACY.md).
/// </summary>
internal sealed record WorkerSummaryDto(Guid Id, string? Nik, string? Name, string RegionCode, SocialSecurityScheme Scheme)
{
    public static WorkerSummaryDto From(WorkerListRow w, PersonalDataView view) =>
        new(w.Id, view.InList.ShowNik(w.Nik), view.ShowName(w.Name), w.RegionCode, w.Scheme);
}

/// <summary>
/// One worker as <see cref="PersonalDataPolicy"/> lets the caller see it: birth date and sex only
/// beside a full NIK (with a masked one they would rebuild it).
/// </summary>
/// <remarks>A foreign worker has <c>nationality</c> and <c>travel_document</c> (shown as the NIK would be) and their registry key as <c>nik</c>.</remarks>
internal sealed record WorkerDto(
    Guid Id, string? Nik, bool NikMasked, string? Name, DateOnly? BirthDate, Sex? Sex, string RegionCode, string? Phone, SocialSecurityScheme Scheme,
    string? Nationality, string? TravelDocument)
{
    public static WorkerDto From(Worker w, AccessScope scope) => From(w, PersonalDataPolicy.For(scope));

    public static WorkerDto From(Worker w, PersonalDataView view) => new(
        w.Id, view.ShowNik(w.Nik), view.Nik != NikView.Full, view.ShowName(w.Name),
        view.ShowBirthDate(w.BirthDate), view.ShowSex(w.Sex), w.RegionCode, w.Phone, w.Scheme,
        w.Nationality, w.Nationality is { } nationality && w.TravelDocument is { } document ? view.ShowDocument(nationality, document) : null);
}

/// <summary>
/// Create or replace a worker. When an agency operator creates one, <c>category</c> (and optionally
/// <c>position</c>, <c>monthly_wage</c>) open the worker's employment at the operator's agency from
/// today, which is what makes the worker theirs to see; other callers leave them out. A foreign
/// worker without a NIK leaves <c>nik</c> out and gives <c>travel_document</c> (passport or KITAS),
/// <c>nationality</c>, <c>birth_date</c> and <c>sex</c>.
/// </summary>
internal sealed record WorkerRequest(
    string? Nik, string? Name, DateOnly? BirthDate, Sex? Sex, string? RegionCode, string? Phone, SocialSecurityScheme? Scheme,
    WorkerCategory? Category = null, string? Position = null, long? MonthlyWage = null, string? TravelDocument = null, string? Nationality = null);

internal sealed record EmploymentDto(
    Guid Id, Guid WorkerId, Guid? AgencyId, Guid? EmployerId, WorkerCategory Category, string? Position, long MonthlyWage,
    FundingSource FundingSource, DateOnly ValidFrom, DateOnly? ValidTo, string RegionCode)
{
    public static EmploymentDto From(Employment e) => new(
        e.Id, e.WorkerId, e.AgencyId, e.EmployerId, e.Category, e.Position, e.MonthlyWage, e.FundingSource, e.ValidFrom, e.ValidTo, e.RegionCode);
}

/// <summary><c>/api/v1/workers</c> and a worker's employments, all with the Registry policy.</summary>
internal static class WorkersApi
{
    public static readonly ValidationError NikTaken = new("nik_taken", "NIK sudah terdaftar.", "This NIK is already registered.");

    /// <summary>
    /// A NIK the caller may not register, because it is held by a worker outside their scope. The
    /// answer names no worker, agency or region; the one thing a unique registry cannot hide from a
    /// create is that this NIK cannot be created (see docs/IMPORT.md, "Writes within scope").
    /// </summary>
    public static readonly ValidationError NikUnavailable = new(
        "nik_unavailable",
        "NIK ini tidak dapat didaftarkan dari akun Anda. Jika orang ini bekerja di instansi Anda, minta admin daerah menambahkannya.",
        "This NIK cannot be registered from your account. If this person works at your agency, ask a regional admin to add them.");
    public static readonly ValidationError CategoryRequired = new(
        "category_required", "Kategori pekerja wajib diisi untuk pegawai instansi Anda.", "The worker category is required for your agency's staff.");
    public static readonly ValidationError WageInvalid = new("wage_invalid", "Upah tidak boleh negatif.", "The wage cannot be negative.");

    public static IServiceCollection AddLindungWorkers(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<WorkerListOptions>(configuration.GetSection(WorkerListOptions.Section))
            .AddScoped<ListWorkers>().AddSingleton<WorkerPageCache>();

    public static IEndpointRouteBuilder MapWorkersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workers").WithTags("Workers").RequireAuthorization(Policies.Registry);
        group.MapGet("/", ListAsync)
            .WithName("ListWorkers")
            .WithSummary("Workers the caller may see by name, NIKs masked; q is a full NIK or part of a name. Page on with after=next; total only with count=true.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetWorker").WithSummary("One worker; 404 when it does not exist or is outside the caller's scope.");
        group.MapPost("/", CreateAsync)
            .WithName("CreateWorker").WithSummary("Register a worker (an agency operator also opens their employment at the agency).");
        group.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateWorker").WithSummary("Replace a worker's identity and contact fields.");
        group.MapGet("/{id:guid}/employments", EmploymentsAsync)
            .WithName("ListWorkerEmployments").WithSummary("A worker's employments (all versions) within the caller's scope.");
        return api;
    }

    private static async Task<Results<Ok<WorkerPage>, ValidationProblem>> ListAsync(
        HttpContext http, ListWorkers list, string? q, int? page, int? pageSize, string? after, bool? count, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        var cursor = WorkerCursor.Read(after, errors);
        if (after is not null && page is not null)
        {
            errors["page"] = WorkerCursor.PageWithAfter;
        }

        return errors.Count > 0
            ? ApiLanguage.Problem(http, errors)
            : TypedResults.Ok(await list.HandleAsync(new WorkerListRequest(q, paging, cursor, count == true), AccessScope.From(http.User), ct));
    }

    private static async Task<Results<Ok<WorkerDto>, NotFound>> GetAsync(HttpContext http, LindungDbContext db, Guid id, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        return await db.WorkersFor(scope).SingleOrDefaultAsync(w => w.Id == id, ct) is { } worker
            ? TypedResults.Ok(WorkerDto.From(worker, scope))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Created<WorkerDto>, ValidationProblem>> CreateAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, WorkerRequest request, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var worker = new Worker { Nik = string.Empty, Name = string.Empty, RegionCode = string.Empty };
        var errors = await ApplyAsync(db, scope, worker, request, today, ct);
        if (scope.OperatesAgency && request.Category is null)
        {
            errors["category"] = CategoryRequired;
        }

        if (request.MonthlyWage is < 0)
        {
            errors["monthly_wage"] = WageInvalid;
        }

        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        db.Workers.Add(worker);
        if (scope.OperatesAgency)
        {
            var agencyRegion = await db.Agencies.Where(a => a.Id == scope.AgencyId).Select(a => a.RegionCode).SingleAsync(ct);
            db.Employments.Add(new Employment
            {
                WorkerId = worker.Id,
                AgencyId = scope.AgencyId,
                Category = request.Category!.Value,
                Position = request.Position?.Trim() is { Length: > 0 and <= 200 } position ? position : null,
                MonthlyWage = request.MonthlyWage ?? 0,
                FundingSource = FundingSource.Apbd,
                ValidFrom = today,
                RegionCode = agencyRegion,
            });
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{ApiSetup.Prefix}/workers/{worker.Id}", WorkerDto.From(worker, scope));
    }

    private static async Task<Results<Ok<WorkerDto>, NotFound, ValidationProblem>> UpdateAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, Guid id, WorkerRequest request, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        if (await db.WorkersFor(scope).SingleOrDefaultAsync(w => w.Id == id, ct) is not { } worker)
        {
            return TypedResults.NotFound();
        }

        var errors = await ApplyAsync(db, scope, worker, request, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WorkerDto.From(worker, scope));
    }

    private static Task<Results<Ok<PageOf<EmploymentDto>>, NotFound, ValidationProblem>> EmploymentsAsync(
        HttpContext http, LindungDbContext db, Guid id, int? page, int? pageSize, CancellationToken ct) =>
        WorkerHistory.PageAsync(http, db, id, page, pageSize, db.EmploymentsFor, e => e.WorkerId == id, e => e.Id, EmploymentDto.From, ct);

    /// <summary>Validates the request and, when valid, copies it onto <paramref name="worker"/>.</summary>
    private static async Task<Dictionary<string, ValidationError>> ApplyAsync(
        LindungDbContext db, AccessScope scope, Worker worker, WorkerRequest request, DateOnly today, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var person = PersonKey.Read(new NikValidator(AreaDirectory.Embedded), request.Nik, request.TravelDocument, request.Nationality, today);
        var (check, foreign) = (person.Nik, person.Foreign);
        AddIf("travel_document", person.DocumentError);
        AddIf("nationality", person.NationalityError);
        if (person.ByDocument)
        {
            // A foreigner's key gives no birth date or sex, which a NIK would fill in.
            AddIf("birth_date", request.BirthDate is null ? ImportErrors.DateEmpty : null);
            AddIf("sex", request.Sex is null ? ImportErrors.SexInvalid : null);
        }

        var key = check.Normalized;
        if (!check.IsValid)
        {
            errors["nik"] = check.Errors[0];
        }
        else if (key is not null && await db.Workers.AnyAsync(w => w.Nik == key && w.Id != worker.Id, ct))
        {
            // "Already registered" only about a worker the caller may see: about anyone else it would
            // confirm that a stranger's NIK is in the registry, for any NIK the caller cares to try.
            errors[foreign is null ? "nik" : "travel_document"] = await db.WorkersFor(scope).AnyAsync(w => w.Nik == key, ct) ? NikTaken : NikUnavailable;
        }

        var name = Fields.Text(request.Name, 200, "name", errors);
        var phone = Fields.Text(request.Phone, 20, "phone", errors, required: false);
        // An agency's staff may live anywhere; a region-scoped writer may only register residents of their regions.
        var region = Fields.Region(request.RegionCode, scope, inScope: !scope.OperatesAgency, "region_code", errors);
        if (errors.Count == 0)
        {
            worker.Nik = key!;
            worker.Nationality = foreign?.Nationality;
            worker.TravelDocument = foreign?.Document;
            worker.Name = name!;
            // The NIK encodes birth date and sex; they fill in what the request leaves out.
            worker.BirthDate = request.BirthDate ?? check.BirthDate;
            worker.Sex = request.Sex ?? (check.Sex is { } sex ? Enum.Parse<Sex>(sex.ToString()) : null);
            worker.RegionCode = region!;
            worker.Phone = phone;
            worker.Scheme = request.Scheme ?? SocialSecurityScheme.BpjsTk;
        }

        return errors;

        void AddIf(string field, ValidationError? error)
        {
            if (error is not null)
            {
                errors[field] = error;
            }
        }
    }
}
