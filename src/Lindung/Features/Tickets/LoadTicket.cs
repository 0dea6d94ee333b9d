using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Feedback;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Tickets;

/// <summary>A file of a message, without its bytes.</summary>
internal sealed record TicketFile(Guid Id, string FileName, AttachmentKind Kind, long Length);

internal sealed record TicketEntry(Guid Id, DateTime At, string By, bool FromBranch, string Text, IReadOnlyList<TicketFile> Files);

/// <summary>A ticket with its whole thread in order, and what the caller may do next.</summary>
internal sealed record TicketThread(
    Ticket Ticket, string AgencyName, IReadOnlyList<TicketEntry> Messages, bool Overdue, bool CanReply, bool CanClose, bool ClosesWithRating);

internal sealed class LoadTicket(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<TicketThread>> HandleAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var found = await TicketsAccess.Visible(db, scope).AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { Ticket = t, AgencyName = t.Agency!.Name }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return TicketErrors.NotFound;
        }

        var ticket = found.Ticket;
        var messages = await db.TicketMessages.AsNoTracking().Where(m => m.TicketId == id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
        var files = (await db.TicketAttachments.AsNoTracking().Where(a => a.TicketId == id)
                .Select(a => new { a.MessageId, File = new TicketFile(a.Id, a.FileName, a.Kind, a.Length) }).ToListAsync(ct))
            .ToLookup(a => a.MessageId, a => a.File);
        var open = ticket.Status != TicketStatus.Closed;
        var writes = open && TicketsAccess.Writes(scope);
        return UseCaseResult<TicketThread>.Ok(new TicketThread(
            ticket,
            found.AgencyName,
            [.. messages.Select(m => new TicketEntry(m.Id, m.At, m.By, m.FromBranch, m.Text, [.. files[m.Id].OrderBy(f => f.FileName, StringComparer.Ordinal)]))],
            TicketRules.Overdue(ticket.Status, ticket.FirstAnsweredOn, ticket.AnswerDueOn, clock.Today()),
            writes,
            writes,
            writes && !TicketsAccess.IsBranch(scope)));
    }
}

/// <summary>One attachment's bytes, for a caller who may see its ticket.</summary>
internal sealed class ReadTicketAttachment(LindungDbContext db)
{
    public async Task<UseCaseResult<TicketAttachment>> HandleAsync(Guid ticketId, Guid attachmentId, AccessScope scope, CancellationToken ct)
    {
        var visible = TicketsAccess.Visible(db, scope).Where(t => t.Id == ticketId);
        var file = await db.TicketAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.TicketId == ticketId && visible.Any()).FirstOrDefaultAsync(ct);
        return file is null ? TicketErrors.NotFound : UseCaseResult<TicketAttachment>.Ok(file);
    }
}
