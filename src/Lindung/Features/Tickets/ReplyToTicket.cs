using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Feedback;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Tickets;

/// <summary>
/// A message in an open thread. The branch's message answers it (the first one stops the SLA clock) and
/// hands the turn to the agency; the agency's hands it back to the branch.
/// </summary>
internal sealed class ReplyToTicket(LindungDbContext db, TimeProvider clock, IOptions<TicketOptions> options)
{
    public async Task<UseCaseResult<Ticket>> HandleAsync(Guid id, string? text, IReadOnlyList<AttachmentUpload> files, AccessScope scope, CancellationToken ct)
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

        var post = await TicketPost.CheckAsync(text, files, options.Value.Attachments, ct);
        if (!post.Succeeded)
        {
            return UseCaseResult<Ticket>.Refused([.. post.Errors]);
        }

        var branch = TicketsAccess.IsBranch(scope);
        TicketPost.Add(db, ticket, text!, branch, scope.UserName, clock.GetUtcNow().UtcDateTime, post.Value);
        ticket.Status = branch ? TicketStatus.Answered : TicketStatus.Open;
        if (branch)
        {
            ticket.FirstAnsweredOn ??= clock.Today();
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult<Ticket>.Ok(ticket);
    }
}
