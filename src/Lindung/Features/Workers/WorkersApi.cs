using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
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
/// The columns a list reads, all of them in the workers' list index, so a page is read from the
/// index alone (no row lookups, no entity built per row).
/// </summary>
internal sealed record WorkerListRow(Guid Id, string Nik, string Name, string RegionCode, SocialSecurityScheme Scheme);

/// <summary>
/// A page of workers: <c>next</c> is the cursor for the following page (pass it as <c>after</c>),
/// null on the last; <c>total</c> only when <c>count=true</c>; <c>page</c> only when paging by number.
/// </summary>
internal sealed record WorkerPage(IReadOnlyList<WorkerSummaryDto> Items, int? Page, int PageSize, int? Total, string? Next);

/// <summary>The opaque <c>after</c> cursor: the (name, id) of the last worker of a page, base64url.</summary>
internal readonly record struct WorkerCursor(string Name, Guid Id)
{
    public static readonly ValidationError Invalid = new("after_invalid", "Penanda halaman (after) tidak valid.", "The page cursor (after) is not valid.");
    public static readonly ValidationError PageWithAfter = new(
        "page_with_after", "Gunakan page atau after, tidak keduanya.", "Use page or after, not both.");

    public static string Write(WorkerListRow last) =>
        Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(last.Id.ToString("N") + last.Name));

    public static WorkerCursor? Read(string? after, Dictionary<string, ValidationError> errors)
    {
        if (after is null)
        {
            return null;
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(after));
            if (text.Length >= 32 && Guid.TryParseExact(text[..32], "N", out var id))
            {
                return new WorkerCursor(text[32..], id);
            }
        }
        catch (FormatException)
        {
        }

        errors["after"] = Invalid;
        return null;
    }
}

/// <summary>
/// One worker as <see cref="PersonalDataPolicy"/> lets the caller see it: birth date and sex only
/// beside a full NIK (with a masked one they would rebuild it).
/// </summary>
internal sealed record WorkerDto(
    Guid Id, string? Nik, bool NikMasked, string? Name, DateOnly? BirthDate, Sex? Sex, string RegionCode, string? Phone, SocialSecurityScheme Scheme)
{
    public static WorkerDto From(Worker w, AccessScope scope) => From(w, PersonalDataPolicy.For(scope));

    public static WorkerDto From(Worker w, PersonalDataView view) => new(
        w.Id, view.ShowNik(w.Nik), view.Nik != NikView.Full, view.ShowName(w.Name),
        view.ShowBirthDate(w.BirthDate), view.ShowSex(w.Sex), w.RegionCode, w.Phone, w.Scheme);
}

/// <summary>
/// Create or replace a worker. When an agency operator creates one, <c>category</c> (and optionally
/// <c>position</c>, <c>monthly_wage</c>) open the worker's employment at the operator's agency from
/// today, which is what makes the worker theirs to see; other callers leave them out.
/// </summary>
internal sealed record WorkerRequest(
    string? Nik, string? Name, DateOnly? BirthDate, Sex? Sex, string? RegionCode, string? Phone, SocialSecurityScheme? Scheme,
    WorkerCategory? Category = null, string? Position = null, long? MonthlyWage = null);

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
        HttpContext http, LindungDbContext db, string? q, int? page, int? pageSize, string? after, bool? count, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        var cursor = WorkerCursor.Read(after, errors);
        if (after is not null && page is not null)
        {
            errors["page"] = WorkerCursor.PageWithAfter;
        }

        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var scope = AccessScope.From(http.User);
        var rows = db.WorkersFor(scope).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            // A NIK is looked up whole: a prefix search would enumerate a district's residents.
            var lower = term.ToLowerInvariant();
            // EF translates ToLower() to SQL lower() on both providers; the culture analyzers are about .NET strings.
#pragma warning disable CA1304, CA1311, CA1862
            rows = term.All(char.IsAsciiDigit)
                ? rows.Where(w => w.Nik == term)
                : rows.Where(w => w.Name.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var view = PersonalDataPolicy.For(scope);
        // Counting a region of 200,000 workers costs more than the page: only when asked for.
        int? total = count == true ? await rows.CountAsync(ct) : null;
        // EF translates string.Compare and CompareTo to SQL comparisons, made in the column's own
        // collation, the same one ORDER BY uses; an ordinal .NET comparison would not be translated.
        // "name >= cursor AND (name > cursor OR id > cursor)" rather than "name > … OR (name = … AND
        // id > …)": the leading range lets both databases seek into the (name, id) index instead of
        // reading it from the start, so a page near the end costs what the first one does.
#pragma warning disable CA1309
        var ordered = cursor is { } c
            ? rows.Where(w => string.Compare(w.Name, c.Name) >= 0 && (string.Compare(w.Name, c.Name) > 0 || w.Id.CompareTo(c.Id) > 0))
            : rows;
#pragma warning restore CA1309
        // Keyset on the (name, id) index: a page deep in the list costs what the first one does.
        var query = ordered.OrderBy(w => w.Name).ThenBy(w => w.Id).AsQueryable();
        if (cursor is null && paging.Page > 1)
        {
            query = query.Skip((paging.Page - 1) * paging.PageSize);
        }

        var items = await query.Take(paging.PageSize + 1)
            .Select(w => new WorkerListRow(w.Id, w.Nik, w.Name, w.RegionCode, w.Scheme)).ToListAsync(ct);
        var next = items.Count > paging.PageSize ? WorkerCursor.Write(items[paging.PageSize - 1]) : null;
        return TypedResults.Ok(new WorkerPage(
            [.. items.Take(paging.PageSize).Select(w => WorkerSummaryDto.From(w, view))], cursor is null ? paging.Page : null, paging.PageSize, total, next));
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
        var check = new NikValidator(AreaDirectory.Embedded).Check(request.Nik, today);
        if (!check.IsValid)
        {
            errors["nik"] = check.Errors[0];
        }
        else if (await db.Workers.AnyAsync(w => w.Nik == check.Normalized && w.Id != worker.Id, ct))
        {
            // "Already registered" only about a worker the caller may see: about anyone else it would
            // confirm that a stranger's NIK is in the registry, for any NIK the caller cares to try.
            errors["nik"] = await db.WorkersFor(scope).AnyAsync(w => w.Nik == check.Normalized, ct) ? NikTaken : NikUnavailable;
        }

        var name = Fields.Text(request.Name, 200, "name", errors);
        var phone = Fields.Text(request.Phone, 20, "phone", errors, required: false);
        // An agency's staff may live anywhere; a region-scoped writer may only register residents of their regions.
        var region = Fields.Region(request.RegionCode, scope, inScope: !scope.OperatesAgency, "region_code", errors);
        if (errors.Count == 0)
        {
            worker.Nik = check.Normalized!;
            worker.Name = name!;
            // The NIK encodes birth date and sex; they fill in what the request leaves out.
            worker.BirthDate = request.BirthDate ?? check.BirthDate;
            worker.Sex = request.Sex ?? (check.Sex is { } sex ? Enum.Parse<Sex>(sex.ToString()) : null);
            worker.RegionCode = region!;
            worker.Phone = phone;
            worker.Scheme = request.Scheme ?? SocialSecurityScheme.BpjsTk;
        }

        return errors;
    }
}
