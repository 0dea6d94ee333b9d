using Lindung.Application;
using Lindung.Data.Entities;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Sponsors;

/// <summary><c>/api/v1/sponsors</c> and <c>/api/v1/sponsorships</c>: bapak asuh, their pledges, ledger and handovers.</summary>
internal static class SponsorsApi
{
    public static IServiceCollection AddLindungSponsors(this IServiceCollection services) =>
        services.AddScoped<SaveSponsor>().AddScoped<PledgeSponsorship>().AddScoped<RecordSponsorLedger>()
            .AddScoped<HandOverSponsorship>().AddScoped<LoadSponsor>().AddScoped<ListSponsors>().AddScoped<PlanSponsorBudget>();

    public static IEndpointRouteBuilder MapSponsorsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/sponsors", ListAsync).RequireAuthorization(Policies.Sponsors)
            .WithTags("Sponsors").WithName("ListSponsors")
            .WithSummary("The sponsors the caller may see (a Sponsor account: its own), with workers funded this month, pledged, paid and due rupiah, and periods needing a handover.");
        api.MapPost("/sponsors", CreateAsync).RequireAuthorization(Policies.SponsorsEdit)
            .WithTags("Sponsors").WithName("CreateSponsor")
            .WithSummary("Registers a sponsor: {name, kind: csr|zakat|official|agency|other, account_email?, region_code, villages?: [PP.KK.CC.DDDD]}.");
        api.MapGet("/sponsors/{id:guid}", GetAsync).RequireAuthorization(Policies.Sponsors)
            .WithTags("Sponsors").WithName("GetSponsor")
            .WithSummary("One sponsor: ledger (pledged, invoiced, paid, due), its sponsored workers (NIK masked) and the waiting workers of its villages.");
        api.MapPost("/sponsors/{id:guid}/pledges", PledgeAsync).RequireAuthorization(Policies.Sponsors)
            .WithTags("Sponsors").WithName("PledgeSponsorship")
            .WithSummary("Adopts workers: {workers: [id], from: YYYY-MM, months, income?, programs?: \"JKK,JKM[,JHT]\", occupation?: transport|other}; each month priced with the BPU rules in force.");
        api.MapPost("/sponsors/{id:guid}/ledger", LedgerAsync).RequireAuthorization(Policies.SponsorsEdit)
            .WithTags("Sponsors").WithName("RecordSponsorLedger")
            .WithSummary("Records {action: invoice|paid, through: YYYY-MM} for every pledged month up to that month not yet invoiced or paid.");
        api.MapPost("/sponsorships/{id:guid}/handover", HandOverAsync).RequireAuthorization(Policies.Sponsors)
            .WithTags("Sponsors").WithName("HandOverSponsorship")
            .WithSummary("From 30 days before a sponsored period ends: {outcome: renew|self|apbd, months?} (renew pledges again from the month after).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<SponsorSummary>>> ListAsync(HttpContext http, ListSponsors list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<SponsorDto>, NotFound, ForbidHttpResult, ValidationProblem>> CreateAsync(
        HttpContext http, SaveSponsor save, SponsorBody body, CancellationToken ct)
    {
        var result = await save.HandleAsync(new SponsorInput(body.Name, body.Kind, body.AccountEmail, body.RegionCode, body.Villages), AccessScope.From(http.User), ct);
        return Answer(http, result.Succeeded ? UseCaseResult<SponsorDto>.Ok(SponsorDto.From(result.Value)) : UseCaseResult<SponsorDto>.Refused([.. result.Errors]));
    }

    private static async Task<Results<Ok<SponsorDetailDto>, NotFound, ForbidHttpResult, ValidationProblem>> GetAsync(HttpContext http, LoadSponsor load, Guid id, CancellationToken ct)
    {
        var result = await load.HandleAsync(id, AccessScope.From(http.User), ct);
        return Answer(http, result.Succeeded ? UseCaseResult<SponsorDetailDto>.Ok(SponsorDetailDto.From(result.Value)) : UseCaseResult<SponsorDetailDto>.Refused([.. result.Errors]));
    }

    private static async Task<Results<Ok<PledgeResult>, NotFound, ForbidHttpResult, ValidationProblem>> PledgeAsync(
        HttpContext http, PledgeSponsorship pledge, Guid id, PledgeBody body, CancellationToken ct) =>
        Answer(http, await pledge.HandleAsync(id, new PledgeInput(body.Workers, body.From, body.Months, body.Income, body.Programs, body.Occupation), AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<LedgerRecorded>, NotFound, ForbidHttpResult, ValidationProblem>> LedgerAsync(
        HttpContext http, RecordSponsorLedger ledger, Guid id, LedgerBody body, CancellationToken ct) =>
        Answer(http, await ledger.HandleAsync(id, body.Action, body.Through, AccessScope.From(http.User), ct));

    private static async Task<Results<Ok<HandoverDto>, NotFound, ForbidHttpResult, ValidationProblem>> HandOverAsync(
        HttpContext http, HandOverSponsorship handOver, Guid id, HandoverBody body, CancellationToken ct)
    {
        var result = await handOver.HandleAsync(id, body.Outcome, body.Months, AccessScope.From(http.User), ct);
        return Answer(http, result.Succeeded ? UseCaseResult<HandoverDto>.Ok(new HandoverDto(id, result.Value)) : UseCaseResult<HandoverDto>.Refused([.. result.Errors]));
    }

    private static Results<Ok<T>, NotFound, ForbidHttpResult, ValidationProblem> Answer<T>(HttpContext http, UseCaseResult<T> result)
    {
        if (result.Succeeded)
        {
            return TypedResults.Ok(result.Value);
        }

        var code = result.Errors[0].Code;
        if (code == SponsorErrors.NotAllowed.Code)
        {
            return TypedResults.Forbid();
        }

        return code == SponsorErrors.NotFound.Code || code == SponsorErrors.SponsorshipNotFound.Code
            ? TypedResults.NotFound()
            : ApiLanguage.Problem(http, result.Errors, "sponsor");
    }
}

internal sealed record SponsorBody(string? Name, string? Kind, string? AccountEmail, string? RegionCode, IReadOnlyList<string>? Villages);

internal sealed record PledgeBody(IReadOnlyList<Guid>? Workers, string? From, int? Months, long? Income, string? Programs, string? Occupation);

internal sealed record LedgerBody(string? Action, string? Through);

internal sealed record HandoverBody(string? Outcome, int? Months);

internal sealed record HandoverDto(Guid SponsorshipId, SponsorshipHandover Outcome);

internal sealed record SponsorDto(Guid Id, string Name, SponsorKind Kind, string RegionCode, string? AccountEmail, IReadOnlyList<string> Villages)
{
    public static SponsorDto From(Sponsor s) => new(s.Id, s.Name, s.Kind, s.RegionCode, s.AccountEmail, s.VillageCodes);
}

internal sealed record SponsorDetailDto(SponsorDto Sponsor, SponsorLedger Ledger, int WorkerCount, IReadOnlyList<SponsoredWorker> Workers, IReadOnlyList<WaitingWorker> Waiting)
{
    public static SponsorDetailDto From(SponsorView v) => new(SponsorDto.From(v.Sponsor), v.Ledger, v.WorkerCount, v.Workers, v.Waiting);
}
