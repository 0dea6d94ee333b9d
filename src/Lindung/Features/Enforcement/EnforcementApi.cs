using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Enforcement;

/// <summary><c>/api/v1/enforcement</c>: cases from a finding to a sanction, their letters, and the state attorney's actions.</summary>
internal static class EnforcementApi
{
    public static IServiceCollection AddLindungEnforcement(this IServiceCollection services) =>
        services.AddScoped<OpenCase>().AddScoped<AdvanceCase>().AddScoped<CloseCase>().AddScoped<ReopenCase>()
            .AddScoped<RecordProsecutorAction>().AddScoped<ListCases>().AddScoped<LoadCase>().AddScoped<EnforcementLetters>().AddScoped<ManageEnforcementCalendar>()
            .AddScoped<ListCaseCandidates>().AddScoped<OpenCases>().AddScoped<SaveLetterTemplate>().AddScoped<PreviewLetterTemplate>();

    public static IEndpointRouteBuilder MapEnforcementApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/enforcement/cases").WithTags("Enforcement");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Enforcement).WithName("ListEnforcementCases")
            .WithSummary("Cases the caller may see (a state attorney: those referred to it), overdue first, with the report: open by stage, overdue, sanctioned, outcomes, recovered, month by month. ?stage=&overdue=true&open=false");
        group.MapPost("/", OpenAsync).RequireAuthorization(Policies.EnforcementEdit).WithName("OpenEnforcementCase")
            .WithSummary("Opens a case from an employer's current findings (frozen as evidence): {employer_id}. One open case per employer.");
        group.MapPost("/bulk", OpenManyAsync).RequireAuthorization(Policies.EnforcementEdit).WithName("OpenEnforcementCases")
            .WithSummary("Opens the cases of many employers at once: {employer_ids: [...]} (at most 100); each is opened as one would be, the others are named with their reason; each row carries the employer's name.");
        api.MapGet("/enforcement/candidates", CandidatesAsync).RequireAuthorization(Policies.EnforcementEdit).WithTags("Enforcement").WithName("ListCaseCandidates")
            .WithSummary("Employers with PDS findings today (known workers not active PU members, or a reported wage below the job's) and no open case, most unregistered workers first.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Enforcement).WithName("GetEnforcementCase")
            .WithSummary("One case: findings as frozen, history, letters, the ladder's rules, the deadline in working days.");
        group.MapPost("/{id:guid}/advance", AdvanceAsync).RequireAuthorization(Policies.EnforcementEdit).WithName("AdvanceEnforcementCase")
            .WithSummary("Moves to the next stage only: {stage: warning1|warning2|fine|tmp2t|referral, contributions_due?, months? (fine), prosecutor_region?, skk_number?, skk_date?, state_attorney? (referral), note?}; issues the stage's numbered letter.");
        group.MapPost("/{id:guid}/close", CloseAsync).RequireAuthorization(Policies.EnforcementEdit).WithName("CloseEnforcementCase")
            .WithSummary("Closes with {outcome: complied|arrears_paid|settled|legal_action|closed, amount?, note? (required for closed)}; lifts a TMP2T sanction.");
        group.MapPost("/{id:guid}/reopen", ReopenAsync).RequireAuthorization(Policies.EnforcementEdit).WithName("ReopenEnforcementCase")
            .WithSummary("Reopens a closed case at its last stage: {reason}.");
        group.MapPost("/{id:guid}/actions", ActAsync).RequireAuthorization(Policies.EnforcementProsecute).WithName("RecordProsecutorAction")
            .WithSummary("A state attorney's action on a referred case: {note, amount?} (rupiah recovered).");
        group.MapGet("/{id:guid}/letters/{letterId:guid}", LetterAsync).RequireAuthorization(Policies.Enforcement).WithName("GetEnforcementLetter")
            .WithSummary("A letter as issued (PDF).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<CaseCandidate>>> CandidatesAsync(HttpContext http, ListCaseCandidates candidates, CancellationToken ct) =>
        TypedResults.Ok(await candidates.HandleAsync(AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<BulkOpenDto>, ForbidHttpResult, ValidationProblem>> OpenManyAsync(
        HttpContext http, OpenCases open, BulkOpenBody body, CancellationToken ct)
    {
        var result = await open.HandleAsync(body.EmployerIds ?? [], AccessScope.From(http.User), ApiLanguage.IsEnglish(http), ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new BulkOpenDto(result.Value.Count(r => r.CaseId is not null), result.Value.Count(r => r.CaseId is null), result.Value));
        }

        return result.Errors[0].Code == EnforcementErrors.NotAllowed.Code
            ? TypedResults.Forbid()
            : ApiLanguage.Problem(http, result.Errors, "case");
    }

    private static async Task<Ok<CaseListDto>> ListAsync(HttpContext http, ListCases list, string? stage, bool? overdue, bool? open, CancellationToken ct)
    {
        var parsed = EnumCodes<EnforcementStage>.ParseName(stage);
        var result = await list.HandleAsync(new CaseFilter(parsed, overdue == true, open ?? (overdue == true ? true : null)), AccessScope.From(http.User), ct);
        return TypedResults.Ok(new CaseListDto(result.Cases, result.Total, result.Report));
    }

    private static async Task<Results<Created<CaseDto>, NotFound, ForbidHttpResult, ValidationProblem>> OpenAsync(
        HttpContext http, OpenCase open, OpenCaseBody body, CancellationToken ct)
    {
        var result = await open.HandleAsync(body.EmployerId ?? Guid.Empty, AccessScope.From(http.User), ct);
        if (result.Succeeded)
        {
            return TypedResults.Created($"{ApiSetup.Prefix}/enforcement/cases/{result.Value.Id}", CaseDto.From(result.Value));
        }

        return Refusal(http, result.Errors) switch
        {
            ForbidHttpResult forbid => forbid,
            ValidationProblem problem => problem,
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<CaseDetailDto>, NotFound, ForbidHttpResult, ValidationProblem>> GetAsync(HttpContext http, LoadCase load, Guid id, CancellationToken ct) =>
        Answer(http, await load.HandleAsync(id, AccessScope.From(http.User), ct), CaseDetailDto.From);

    private static async Task<Results<Ok<StepDto>, NotFound, ForbidHttpResult, ValidationProblem>> AdvanceAsync(
        HttpContext http, AdvanceCase advance, Guid id, AdvanceBody body, CancellationToken ct) =>
        Answer(http, await advance.HandleAsync(id, new AdvanceInput(body.Stage, body.ContributionsDue, body.Months, body.ProsecutorRegion, body.SkkNumber, body.SkkDate, body.StateAttorney, body.Note), AccessScope.From(http.User), ct), StepDto.From);

    private static async Task<Results<Ok<StepDto>, NotFound, ForbidHttpResult, ValidationProblem>> CloseAsync(
        HttpContext http, CloseCase close, Guid id, CloseBody body, CancellationToken ct) =>
        Answer(http, await close.HandleAsync(id, body.Outcome, body.Amount, body.Note, AccessScope.From(http.User), ct), StepDto.From);

    private static async Task<Results<Ok<StepDto>, NotFound, ForbidHttpResult, ValidationProblem>> ReopenAsync(
        HttpContext http, ReopenCase reopen, Guid id, ReopenBody body, CancellationToken ct) =>
        Answer(http, await reopen.HandleAsync(id, body.Reason, AccessScope.From(http.User), ct), StepDto.From);

    private static async Task<Results<Ok<StepDto>, NotFound, ForbidHttpResult, ValidationProblem>> ActAsync(
        HttpContext http, RecordProsecutorAction act, Guid id, ActionBody body, CancellationToken ct) =>
        Answer(http, await act.HandleAsync(id, body.Note, body.Amount, AccessScope.From(http.User), ct), StepDto.From);

    private static async Task<Results<FileContentHttpResult, NotFound>> LetterAsync(HttpContext http, LoadCase load, Guid id, Guid letterId, CancellationToken ct) =>
        await load.LetterAsync(id, letterId, AccessScope.From(http.User), ct) is { } letter
            ? TypedResults.File(letter.Pdf, "application/pdf", EnforcementLetters.FileName(letter))
            : TypedResults.NotFound();

    private static Results<Ok<TOut>, NotFound, ForbidHttpResult, ValidationProblem> Answer<TIn, TOut>(HttpContext http, UseCaseResult<TIn> result, Func<TIn, TOut> map)
    {
        if (result.Succeeded)
        {
            return TypedResults.Ok(map(result.Value));
        }

        return Refusal(http, result.Errors) switch
        {
            ForbidHttpResult forbid => forbid,
            ValidationProblem problem => problem,
            _ => TypedResults.NotFound(),
        };
    }

    private static IResult Refusal(HttpContext http, IReadOnlyList<UseCaseError> errors)
    {
        var code = errors[0].Code;
        if (code == EnforcementErrors.NotAllowed.Code)
        {
            return TypedResults.Forbid();
        }

        return code == EnforcementErrors.NotFound.Code
            ? TypedResults.NotFound()
            : ApiLanguage.Problem(http, errors, "case");
    }
}

internal sealed record OpenCaseBody(Guid? EmployerId);

internal sealed record AdvanceBody(string? Stage, long? ContributionsDue, int? Months, string? ProsecutorRegion, string? SkkNumber, DateOnly? SkkDate, string? StateAttorney, string? Note);

internal sealed record CloseBody(string? Outcome, long? Amount, string? Note);

internal sealed record ReopenBody(string? Reason);

internal sealed record ActionBody(string? Note, long? Amount);

internal sealed record CaseListDto(IReadOnlyList<CaseRow> Cases, int Total, CaseReport Report);

internal sealed record CaseDto(
    Guid Id, string Number, Guid EmployerId, string? Npp, IReadOnlyList<string> Violations, EnforcementStage Stage, DateOnly StageOn, DateOnly? DueOn,
    EnforcementOutcome? Outcome, DateOnly? ClosedOn, long? ContributionsDue, long? FineAmount, long AmountRecovered,
    string? ProsecutorRegion, string? SkkNumber, DateOnly? SkkDate, string? StateAttorney, DateOnly OpenedOn, string OpenedBy, string RegionCode, bool Sanctioned)
{
    public static CaseDto From(EnforcementCase c) => new(
        c.Id, c.Number, c.EmployerId, c.Npp, c.Violations.Split(','), c.Stage, c.StageOn, c.DueOn, c.Outcome, c.ClosedOn, c.ContributionsDue, c.FineAmount,
        c.AmountRecovered, c.ProsecutorRegion, c.SkkNumber, c.SkkDate, c.StateAttorney, c.OpenedOn, c.OpenedBy, c.RegionCode,
        c.IsOpen && EnforcementLadder.WithholdsServices(c.Stage));
}

internal sealed record StepDto(Guid Id, Guid CaseId, EnforcementStepKind Kind, EnforcementStage Stage, EnforcementOutcome? Outcome, DateOnly On, string By, DateOnly? DueOn, string? Note, long? Amount, Guid? LetterId)
{
    public static StepDto From(EnforcementStep s) => new(s.Id, s.CaseId, s.Kind, s.Stage, s.Outcome, s.On, s.By, s.DueOn, s.Note, s.Amount, s.LetterId);
}

internal sealed record CaseDetailDto(
    CaseDto Case, string EmployerName, IReadOnlyList<CaseFinding> Findings, IReadOnlyList<StepDto> Steps, IReadOnlyList<CaseLetter> Letters,
    IReadOnlyList<StageRule> Rules, EnforcementStage? NextStage, bool Overdue, int? WorkingDaysLeft)
{
    public static CaseDetailDto From(CaseView v) => new(
        CaseDto.From(v.Case), v.EmployerName, v.Findings, [.. v.Steps.Select(StepDto.From)], v.Letters, v.Rules, v.NextStage, v.Overdue, v.WorkingDaysLeft);
}

internal sealed record BulkOpenBody(IReadOnlyList<Guid>? EmployerIds);

internal sealed record BulkOpenDto(int Opened, int Refused, IReadOnlyList<BulkOpenRow> Rows);
