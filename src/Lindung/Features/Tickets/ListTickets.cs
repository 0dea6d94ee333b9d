using Lindung.Data;
using Lindung.Domain.Feedback;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Tickets;

/// <summary>A ticket in a list, with its clock: the due day of the first answer and whether it is past it.</summary>
internal sealed record TicketRow(
    Guid Id, string Number, Guid AgencyId, string AgencyName, TicketCategory Category, string Subject, TicketStatus Status,
    DateOnly OpenedOn, DateOnly AnswerDueOn, DateOnly? FirstAnsweredOn, bool Overdue, DateOnly? ClosedOn, int? Satisfaction, DateTime LastActivityAt);

/// <summary>Where the branch stands: waiting for it, past the answer time, answered in time, and the agencies' mean satisfaction.</summary>
internal sealed record TicketSummary(int Open, int Answered, int Closed, int Overdue, int AnsweredInTime, int AnsweredLate, double? MeanSatisfaction, int Rated);

internal sealed record TicketList(IReadOnlyList<TicketRow> Items, int Page, int PageSize, int Total, TicketSummary Summary);

/// <summary>
/// The tickets the caller may see — the branch its working area's, an agency its own —, those waiting for an
/// answer first (overdue before the rest), then by last activity; a page at a time. The summary is counted by
/// the database over all of them.
/// </summary>
internal sealed class ListTickets(LindungDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<TicketList> HandleAsync(AccessScope scope, TicketStatus? status, int page, CancellationToken ct)
    {
        var today = clock.Today();
        var visible = TicketsAccess.Visible(db, scope).AsNoTracking();
        var counts = await visible.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await visible.CountAsync(TicketsAccess.OverdueOn(today), ct);
        var inTime = await visible.CountAsync(t => t.FirstAnsweredOn != null && t.FirstAnsweredOn <= t.AnswerDueOn, ct);
        var late = await visible.CountAsync(t => t.FirstAnsweredOn != null && t.FirstAnsweredOn > t.AnswerDueOn, ct);
        var rated = await visible.Where(t => t.Satisfaction != null).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Mean = g.Average(t => (double)t.Satisfaction!.Value) }).FirstOrDefaultAsync(ct);
        int Count(TicketStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        var summary = new TicketSummary(
            Count(TicketStatus.Open), Count(TicketStatus.Answered), Count(TicketStatus.Closed), overdue, inTime, late, rated?.Mean, rated?.Count ?? 0);

        var filtered = status is { } only ? visible.Where(t => t.Status == only) : visible;
        var total = status is { } chosen ? Count(chosen) : counts.Sum(c => c.Count);
        var paging = new Paging(Paging.Clamp(page), PageSize, total);
        var rows = await filtered
            .OrderBy(t => t.Status == TicketStatus.Open ? 0 : t.Status == TicketStatus.Answered ? 1 : 2)
            .ThenBy(t => t.Status == TicketStatus.Open ? t.AnswerDueOn : DateOnly.MaxValue)
            .ThenByDescending(t => t.LastActivityAt).ThenBy(t => t.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(t => new TicketRow(
                t.Id, t.Number, t.AgencyId, t.Agency!.Name, t.Category, t.Subject, t.Status, t.OpenedOn, t.AnswerDueOn, t.FirstAnsweredOn,
                TicketRules.Overdue(t.Status, t.FirstAnsweredOn, t.AnswerDueOn, today), t.ClosedOn, t.Satisfaction, t.LastActivityAt))
            .ToListAsync(ct);
        return new TicketList(rows, paging.Page, PageSize, total, summary);
    }
}
