using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Rosters;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lindung.Features.Memberships;

internal sealed record MembershipDto(
    Guid Id, string Kpj, Guid WorkerId, Segment Segment, IReadOnlyList<string> Programs, string? EmployerNpp,
    MembershipStatus Status, long ReportedWage, DateOnly? LastPaidMonth, DateOnly ValidFrom, DateOnly? ValidTo, string RegionCode)
{
    public static MembershipDto From(Membership m) => new(
        m.Id, m.Kpj, m.WorkerId, m.Segment,
        EnumCodes<ProgramSet>.ToCode(m.Programs).Split(',', StringSplitOptions.RemoveEmptyEntries),
        m.EmployerNpp, m.Status, m.ReportedWage, m.LastPaidMonth, m.ValidFrom, m.ValidTo, m.RegionCode);
}

/// <summary><c>/api/v1/workers/{id}/memberships</c>: a worker's BPJS participations, Registry policy.</summary>
internal static class MembershipsApi
{
    public static IEndpointRouteBuilder MapMembershipsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/workers/{id:guid}/memberships", ListAsync)
            .RequireAuthorization(Policies.Registry).WithTags("Memberships")
            .WithName("ListWorkerMemberships").WithSummary("A worker's memberships (all versions); 404 when the worker is outside the caller's scope.");
        return api;
    }

    private static Task<Results<Ok<PageOf<MembershipDto>>, NotFound, ValidationProblem>> ListAsync(
        HttpContext http, LindungDbContext db, Guid id, int? page, int? pageSize, CancellationToken ct) =>
        // Every membership of a worker the caller may see is visible (MembershipsFor is "memberships of
        // visible workers"), and PageAsync answers 404 for a worker outside the scope first: asking
        // MembershipsFor again would make the database build the scope's whole worker set per request.
        WorkerHistory.PageAsync(http, db, id, page, pageSize, _ => db.Memberships, m => m.WorkerId == id, m => m.Id, MembershipDto.From, ct);
}
