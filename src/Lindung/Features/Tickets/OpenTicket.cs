using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Feedback;
using Lindung.Features.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Tickets;

/// <summary>A new ticket: category, subject, the first message and its files.</summary>
internal sealed record TicketInput(string? Category, string? Subject, string? Text, IReadOnlyList<AttachmentUpload> Files);

/// <summary>
/// An agency operator writes to the branch that covers its region: the ticket is numbered per region and
/// year, its first answer falls due after the category's working days on the region's holiday calendar,
/// and it is stored with its message and files in one step, or not at all.
/// </summary>
internal sealed class OpenTicket(LindungDbContext db, TimeProvider clock, IOptions<TicketOptions> options)
{
    public const int MaxSubject = 200;

    public async Task<UseCaseResult<Ticket>> HandleAsync(TicketInput input, AccessScope scope, CancellationToken ct)
    {
        if (!scope.OperatesAgency)
        {
            return TicketErrors.AgencyOnly;
        }

        if (!TryCategory(input.Category, out var category))
        {
            return TicketErrors.CategoryInvalid;
        }

        var subject = input.Subject?.Trim();
        if (string.IsNullOrEmpty(subject) || subject.Length > MaxSubject)
        {
            return TicketErrors.SubjectInvalid;
        }

        var post = await TicketPost.CheckAsync(input.Text, input.Files, options.Value.Attachments, ct);
        if (!post.Succeeded)
        {
            return UseCaseResult<Ticket>.Refused([.. post.Errors]);
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == scope.AgencyId).Select(a => new { a.Id, a.RegionCode }).SingleAsync(ct);
        var today = clock.Today();
        var calendar = await EnforcementCalendar.ForRegionAsync(db, agency.RegionCode, ct);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"TK/{agency.RegionCode}/{today.Year}/");
        var sequence = await db.Tickets.CountAsync(t => t.Number.StartsWith(prefix), ct) + 1;
        while (await db.Tickets.AnyAsync(t => t.Number == prefix + sequence.ToString("0000", CultureInfo.InvariantCulture), ct))
        {
            sequence++;
        }

        var at = clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            Number = prefix + sequence.ToString("0000", CultureInfo.InvariantCulture),
            AgencyId = agency.Id,
            Category = category,
            Subject = subject,
            Status = TicketStatus.Open,
            OpenedOn = today,
            OpenedBy = scope.UserName,
            AnswerDueOn = options.Value.Rules.AnswerDue(category, today, calendar),
            LastActivityAt = at,
            RegionCode = agency.RegionCode,
        };
        db.Tickets.Add(ticket);
        TicketPost.Add(db, ticket, input.Text!, fromBranch: false, scope.UserName, at, post.Value);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Ticket>.Ok(ticket);
    }

    public static bool TryCategory(string? text, out TicketCategory category) =>
        EnumCodes<TicketCategory>.TryParseName(text, out category);
}
