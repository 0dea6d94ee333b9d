using Lindung.Domain.Feedback;

namespace Lindung.Features.Tickets;

/// <summary>
/// Settings of agency feedback, from the <c>Tickets</c> configuration section: the branch's answer time per
/// category in working days (<c>Tickets__AnswerWorkingDays__Pengaduan=3</c>) and the attachment limits.
/// </summary>
internal sealed class TicketOptions
{
    public const string Section = "Tickets";

    public Dictionary<TicketCategory, int> AnswerWorkingDays { get; set; } = new(TicketRules.Default.AnswerWorkingDays);

    public long MaxAttachmentBytes { get; set; } = AttachmentRules.Default.MaxBytes;

    public int MaxAttachments { get; set; } = AttachmentRules.Default.MaxFiles;

    public TicketRules Rules => new(AnswerWorkingDays);

    public AttachmentRules Attachments => new(MaxAttachmentBytes, MaxAttachments);
}
