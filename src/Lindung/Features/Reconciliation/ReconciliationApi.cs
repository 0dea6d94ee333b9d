using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

internal sealed record RunErrorDto(string Code, string Message);

/// <summary>A run as the API and the progress poll read it; the counts are final once the status is SUCCEEDED.</summary>
internal sealed record RunDto(
    Guid Id, string RegionCode, Guid? AgencyId, DateTime StartedAt, DateTime? FinishedAt, string StartedBy, DateOnly AsOf,
    ReconciliationRunStatus Status, bool Finished, string? Phase, int Done, int Total, int? Percent, RunErrorDto? Error,
    int RosterRows, int CoveredActive, int CoveredInactive, int NotRegistered, int NeedsReview, int InvalidRow, int WageUnderreported, int ProgramMissing)
{
    public static RunDto From(ReconciliationRun r, bool english) => new(
        r.Id, r.RegionCode, r.AgencyId, r.StartedAt, r.FinishedAt, r.StartedBy, r.AsOf,
        r.Status, RunView.IsFinished(r.Status), r.Phase, r.Done, r.Total, RunView.Percent(r),
        ReconciliationErrors.Load(r.Error) is { } error ? new RunErrorDto(error.Code, error.Message(english)) : null,
        r.RosterRows, r.CoveredActive, r.CoveredInactive, r.NotRegistered, r.NeedsReview, r.InvalidRow, r.WageUnderreported, r.ProgramMissing);
}

/// <summary>What pages and the API both derive from a run row.</summary>
internal static class RunView
{
    public static bool IsFinished(ReconciliationRunStatus status) =>
        status is not (ReconciliationRunStatus.Queued or ReconciliationRunStatus.Running);

    /// <summary>Share of roster workers done in the current phase, 0–100; null while the phase cannot tell.</summary>
    public static int? Percent(ReconciliationRun run) =>
        run.Status == ReconciliationRunStatus.Succeeded ? 100
        : run.Total > 0 ? (int)Math.Clamp(100L * run.Done / run.Total, 0, 100)
        : null;
}

internal sealed record ReviewPersonDto(string? Name, string? Nik, DateOnly? BirthDate, Sex? Sex, string RegionCode, string? RegionName);

internal sealed record ReviewPairDto(string? Kpj, double Score, MatchMethod Method, MembershipStatus? Status, ReviewPersonDto Member, double NameScore, BirthDateAgreement BirthDate, FieldAgreement Sex, RegionAgreement Region);

internal sealed record ReviewItemDto(Guid Id, Guid AgencyId, string AgencyName, ReviewPersonDto Roster, IReadOnlyList<ReviewPairDto> Candidates)
{
    public static ReviewItemDto From(ReviewItem i) => new(i.ResultId, i.AgencyId, i.AgencyName, Person(i.Roster), [.. i.Pairs.Select(p => new ReviewPairDto(
        p.Kpj, p.Score, p.Method, p.Status, Person(p.Member), p.Evidence.NameScore, p.Evidence.BirthDate, p.Evidence.Sex, p.Evidence.Region))]);

    private static ReviewPersonDto Person(ReviewPerson p) => new(p.Name, p.Nik, p.BirthDate, p.Sex, p.RegionCode, p.RegionName);
}

/// <summary>One worker's gap; name, NIK, KPJ and wages as the caller's role may see them (docs/PRIVACY.md), else null.</summary>
internal sealed record GapLineDto(Guid WorkerId, string? Name, string? Nik, string? Kpj, string Gap, long? RosterWage, long? ReportedWage, long MonthlyContribution);

internal sealed record GapTotalDto(string Gap, int Workers, long MonthlyContribution);

/// <summary>
/// An agency's gap list: the totals of the whole list and one page of its lines (<c>workers</c>),
/// <c>total</c> lines in all (of the chosen gap), all from the run of <c>run_at</c> (its as-of time). <c>stale</c>
/// with <c>changed_at</c> once the roster or memberships were imported after the run; <c>rerun_pending</c> while
/// a run that brings it up to date is queued or running. For a caller whose role sees aggregates only (leaders),
/// <c>personal_data_withheld</c> is true and <c>workers</c> empty.
/// </summary>
internal sealed record GapListDto(
    Guid AgencyId, string AgencyName, Guid? RunId, DateTime? RunAt, bool Stale, DateTime? ChangedAt, bool RerunPending, string ContributionMonth,
    IReadOnlyList<GapTotalDto> Totals, long MonthlyContributionTotal, string? Gap, int Page, int PageSize, int Total, bool PersonalDataWithheld,
    IReadOnlyList<GapLineDto> Workers);

/// <summary><c>/api/v1/reconciliation</c>: runs, the review queue and decisions, and per-agency gap lists.</summary>
internal static class ReconciliationApi
{
    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reconciliation").WithTags("Reconciliation");
        group.MapGet("/runs", ListRunsAsync).RequireAuthorization(Policies.Reconciliation)
            .WithName("ListReconciliationRuns").WithSummary("Reconciliation runs the caller may see, newest first.");
        group.MapPost("/runs", StartRunAsync).RequireAuthorization(Policies.ReconciliationDecide)
            .WithName("StartReconciliationRun")
            .WithSummary("Queue a reconciliation of one agency (agency_id) or a whole region (region_code); 202 with the run and a Location to poll.");
        group.MapGet("/runs/{id:guid}", GetRunAsync).RequireAuthorization(Policies.Reconciliation)
            .WithName("GetReconciliationRun").WithSummary("One run: status, progress, and its counts per outcome once it has succeeded.");
        group.MapDelete("/runs/{id:guid}", CancelRunAsync).RequireAuthorization(Policies.ReconciliationDecide)
            .WithName("CancelReconciliationRun").WithSummary("Cancel a queued or running run; a running one stops and rolls back. 409 when it has finished.");
        group.MapGet("/reviews", ListReviewsAsync).RequireAuthorization(Policies.Reconciliation)
            .WithName("ListReviews").WithSummary("NEEDS_REVIEW rows of the latest run per agency, each with its candidate memberships and the evidence.");
        group.MapPost("/reviews/{id:guid}/decision", DecideAsync).RequireAuthorization(Policies.ReconciliationDecide)
            .WithName("DecideReview").WithSummary("Accept or reject one candidate (kpj, decision ACCEPT|REJECT); remembered for every later run.");
        group.MapGet("/gaps/{id:guid}", GapsAsync).RequireAuthorization(Policies.Reconciliation)
            .WithName("GetAgencyGaps")
            .WithSummary("An agency's gap list from its latest run with the monthly contribution to close each gap; workers one page at a time (page, pageSize, gap).");
        return api;
    }

    private static async Task<Results<Ok<PageOf<RunDto>>, ValidationProblem>> ListRunsAsync(
        HttpContext http, LindungDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var runs = db.ReconciliationRunsFor(AccessScope.From(http.User)).OrderByDescending(r => r.StartedAt).ThenBy(r => r.Id);
        var english = ApiLanguage.IsEnglish(http);
        return TypedResults.Ok(await paging.ToPageAsync(runs, r => RunDto.From(r, english), ct));
    }

    private static async Task<Results<Accepted<RunDto>, ValidationProblem, ProblemHttpResult>> StartRunAsync(
        HttpContext http, LindungDbContext db, ReconciliationJobQueue queue, TimeProvider clock, RunRequest request, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        var errors = new Dictionary<string, ValidationError>();
        var target = await StartRun.ResolveAsync(db, scope, request, errors, ct);
        if (target is not { } t)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var english = ApiLanguage.IsEnglish(http);
        if (await StartRun.QueueAsync(db, queue, t.Region, t.AgencyId, scope.UserName, clock, ct) is not { } run)
        {
            return TypedResults.Problem(ReconciliationErrors.Busy.Message(english), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Accepted(RunLocation(run.Id), RunDto.From(run, english));
    }

    private static async Task<Results<Ok<RunDto>, NotFound>> GetRunAsync(HttpContext http, LindungDbContext db, Guid id, CancellationToken ct) =>
        await db.ReconciliationRunsFor(AccessScope.From(http.User)).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } run
            ? TypedResults.Ok(RunDto.From(run, ApiLanguage.IsEnglish(http)))
            : TypedResults.NotFound();

    private static async Task<Results<Accepted<RunDto>, NotFound, ProblemHttpResult>> CancelRunAsync(
        HttpContext http, LindungDbContext db, ReconciliationJobQueue queue, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var runs = db.ReconciliationRunsFor(AccessScope.From(http.User)).AsNoTracking();
        if (!await runs.AnyAsync(r => r.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var english = ApiLanguage.IsEnglish(http);
        if (!await CancelRun.CancelAsync(db, queue, id, clock.GetUtcNow().UtcDateTime, ct))
        {
            return TypedResults.Problem(ReconciliationErrors.Finished.Message(english), statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Accepted(RunLocation(id), RunDto.From(await runs.SingleAsync(r => r.Id == id, ct), english));
    }

    private static string RunLocation(Guid id) => $"{ApiSetup.Prefix}/reconciliation/runs/{id}";

    private static async Task<Results<Ok<PageOf<ReviewItemDto>>, ValidationProblem>> ListReviewsAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, Guid? agencyId, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var (items, total) = await ReviewQueue.LoadAsync(
            db, AccessScope.From(http.User), agencyId, (paging.Page - 1) * paging.PageSize, paging.PageSize, Shared.Formats.Today(clock), ct);
        return TypedResults.Ok(new PageOf<ReviewItemDto>([.. items.Select(ReviewItemDto.From)], paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DecideAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, Guid id, DecisionRequest request, CancellationToken ct)
    {
        var scope = AccessScope.From(http.User);
        var errors = await DecideReview.DecideAsync(db, scope, id, request, scope.UserName, clock, ct);
        return errors switch
        {
            null => TypedResults.NotFound(),
            { Count: > 0 } => ApiLanguage.Problem(http, errors),
            _ => TypedResults.NoContent(),
        };
    }

    public static readonly ValidationError GapInvalid = new(
        "gap_invalid", "Kesenjangan: NOT_REGISTERED, COVERED_INACTIVE, WAGE_UNDERREPORTED atau PROGRAM_MISSING.",
        "Gap must be NOT_REGISTERED, COVERED_INACTIVE, WAGE_UNDERREPORTED or PROGRAM_MISSING.");

    private static async Task<Results<Ok<GapListDto>, NotFound, ValidationProblem>> GapsAsync(
        HttpContext http, LindungDbContext db, TimeProvider clock, RateBook rates, Guid id, string? gap, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>();
        var paging = Paging.Read(page, pageSize, errors);
        GapKind? kind = null;
        if (gap is not null)
        {
            kind = GapList.Kinds.Where(k => string.Equals(GapList.Code(k), gap, StringComparison.OrdinalIgnoreCase)).Select(k => (GapKind?)k).FirstOrDefault();
            if (kind is null)
            {
                errors["gap"] = GapInvalid;
            }
        }

        if (errors.Count > 0)
        {
            return ApiLanguage.Problem(http, errors);
        }

        var scope = AccessScope.From(http.User);
        var pricing = GapPricing.ForAgencies(rates, Shared.Formats.Today(clock));
        var list = await AgencyGaps.LoadAsync(db, scope, id, pricing, PersonalDataPolicy.For(scope), ct);
        if (list is null)
        {
            return TypedResults.NotFound();
        }

        var lines = await AgencyGaps.PageAsync(db, scope, list, pricing, kind, (paging.Page - 1) * paging.PageSize, paging.PageSize, ct);
        return TypedResults.Ok(new GapListDto(
            list.Agency.Id,
            list.Agency.Name,
            list.Run?.Id,
            list.Run?.StartedAt,
            list.Freshness?.Stale ?? false,
            list.ChangedAt,
            list.RerunPending,
            pricing.Month.ToString(),
            [.. GapList.Kinds.Select(k => new GapTotalDto(GapList.Code(k), list.Workers(k), list.Monthly(k)))],
            list.MonthlyTotal,
            kind is { } k ? GapList.Code(k) : null,
            paging.Page,
            paging.PageSize,
            list.Lines(kind),
            list.Withheld,
            [.. lines.Select(l => new GapLineDto(l.WorkerId, l.WorkerName, l.Nik, l.Kpj, GapList.Code(l.Kind), l.RosterWage, l.ReportedWage, l.Monthly))]));
    }
}
