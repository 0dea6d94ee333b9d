using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Feedback;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Tickets;

/// <summary>
/// Closes a thread. The agency that asked closes it with its satisfaction (1–5 stars, a note if it likes);
/// the branch may close one too (a duplicate, or an agency that went quiet), without a rating but with its reason.
/// </summary>
internal sealed class CloseTicket(LindungDbContext db, TimeProvider clock)
{
    public const int MaxNote = 1000;

    public async Task<UseCaseResult<Ticket>> HandleAsync(Guid id, int? satisfaction, string? note, AccessScope scope, CancellationToken ct)
    {
        var ticket = await TicketsAccess.Visible(db, scope).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !TicketsAccess.Writes(scope))
        {
            return TicketErrors.NotFound;
        }

        if (ticket.Status == TicketStatus.Closed)
        {
            return TicketErrors.Closed;
        }

        var branch = TicketsAccess.IsBranch(scope);
        if ((!branch && satisfaction is null) || (satisfaction is { } given && !TicketRules.ValidSatisfaction(given)))
        {
            return TicketErrors.SatisfactionInvalid;
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNote)
        {
            return TicketErrors.NoteInvalid;
        }

        if (branch && note is null)
        {
            return TicketErrors.BranchNoteRequired;
        }

        ticket.Status = TicketStatus.Closed;
        ticket.ClosedOn = clock.Today();
        ticket.ClosedBy = scope.UserName;
        ticket.Satisfaction = branch ? null : satisfaction;
        ticket.SatisfactionNote = note;
        ticket.LastActivityAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Ticket>.Ok(ticket);
    }
}
