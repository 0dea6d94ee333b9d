using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Feedback;

namespace Lindung.Features.Tickets;

/// <summary>A file as the user sent it: its name, its length as declared, and a way to read it.</summary>
internal sealed record AttachmentUpload(string FileName, long Length, Func<CancellationToken, Task<byte[]>> ReadAsync);

/// <summary>
/// One message with its files, checked whole before anything is stored: the text, the number of files,
/// each file's size (before it is read) and type (by its first bytes and its name).
/// </summary>
internal static class TicketPost
{
    public const int MaxText = 4000;

    public static async Task<UseCaseResult<List<(AttachmentUpload Upload, AttachmentKind Kind, byte[] Content)>>> CheckAsync(
        string? text, IReadOnlyList<AttachmentUpload> files, AttachmentRules rules, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxText)
        {
            return TicketErrors.TextInvalid;
        }

        if (files.Count > rules.MaxFiles)
        {
            return TicketErrors.AttachmentCount(rules.MaxFiles);
        }

        var accepted = new List<(AttachmentUpload, AttachmentKind, byte[])>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length <= 0 || file.Length > rules.MaxBytes)
            {
                return TicketErrors.AttachmentSize(name, rules.MaxBytes);
            }

            var content = await file.ReadAsync(ct);
            var (kind, problem) = rules.Check(name, content.LongLength, content.AsSpan(0, Math.Min(AttachmentRules.HeadLength, content.Length)));
            if (problem is not null || kind is null)
            {
                return problem == AttachmentProblem.Size ? TicketErrors.AttachmentSize(name, rules.MaxBytes) : TicketErrors.AttachmentType(name);
            }

            accepted.Add((file, kind.Value, content));
        }

        return UseCaseResult<List<(AttachmentUpload, AttachmentKind, byte[])>>.Ok(accepted);
    }

    /// <summary>The files of a form, read only once their declared size passed the check.</summary>
    public static IReadOnlyList<AttachmentUpload> Uploads(IFormCollection form) =>
        [.. form.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).Select(f => new AttachmentUpload(f.FileName, f.Length, async ct =>
        {
            await using var stream = f.OpenReadStream();
            using var buffer = new MemoryStream((int)f.Length);
            await stream.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }))];

    /// <summary>Adds the message and its files to the context (saved by the caller, in one transaction with the ticket).</summary>
    public static TicketMessage Add(
        LindungDbContext db, Ticket ticket, string text, bool fromBranch, string by, DateTime at,
        IEnumerable<(AttachmentUpload Upload, AttachmentKind Kind, byte[] Content)> files)
    {
        var message = new TicketMessage { TicketId = ticket.Id, At = at, By = by, FromBranch = fromBranch, Text = text.Trim(), RegionCode = ticket.RegionCode };
        db.TicketMessages.Add(message);
        foreach (var (upload, kind, content) in files)
        {
            db.TicketAttachments.Add(new TicketAttachment
            {
                TicketId = ticket.Id,
                MessageId = message.Id,
                FileName = Path.GetFileName(upload.FileName) is { Length: > 0 and <= 200 } name ? name : "lampiran" + (kind == AttachmentKind.Pdf ? ".pdf" : kind == AttachmentKind.Png ? ".png" : ".jpg"),
                Kind = kind,
                Length = content.LongLength,
                Content = content,
                RegionCode = ticket.RegionCode,
            });
        }

        ticket.LastActivityAt = at;
        return message;
    }
}
