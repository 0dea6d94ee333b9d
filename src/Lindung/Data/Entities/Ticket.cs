using Lindung.Domain.Feedback;

namespace Lindung.Data.Entities;

/// <summary>
/// Feedback from an agency to the branch that covers its region (kritik, saran, masukan, pengaduan): the
/// thread is its <see cref="TicketMessage"/>s; the branch owes a first answer by <see cref="AnswerDueOn"/>;
/// the agency closes it with its satisfaction.
/// </summary>
internal sealed class Ticket : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary><c>TK/PP.KK/YYYY/NNNN</c>, given out per region and year.</summary>
    public required string Number { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public TicketCategory Category { get; set; }

    public required string Subject { get; set; }

    public TicketStatus Status { get; set; }

    public DateOnly OpenedOn { get; set; }

    public required string OpenedBy { get; set; }

    /// <summary>The last working day for the branch's first answer (<see cref="TicketRules"/>).</summary>
    public DateOnly AnswerDueOn { get; set; }

    public DateOnly? FirstAnsweredOn { get; set; }

    /// <summary>When the thread last moved: lists show the liveliest first.</summary>
    public DateTime LastActivityAt { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>1–5 stars from the agency when it closed the ticket; null when the branch closed it.</summary>
    public int? Satisfaction { get; set; }

    public string? SatisfactionNote { get; set; }

    /// <summary>The agency's region: the scope and shard key, and how the branch finds it.</summary>
    public required string RegionCode { get; set; }
}

/// <summary>One message of a ticket's thread, by the agency or by the branch.</summary>
internal sealed class TicketMessage : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TicketId { get; set; }

    public DateTime At { get; set; }

    public required string By { get; set; }

    /// <summary>Written by the branch (an answer), not by the agency.</summary>
    public bool FromBranch { get; set; }

    public required string Text { get; set; }

    public required string RegionCode { get; set; }
}

/// <summary>A file sent with a message: a PDF, PNG or JPEG that passed <see cref="AttachmentRules"/>, stored whole.</summary>
internal sealed class TicketAttachment : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TicketId { get; set; }

    public Guid MessageId { get; set; }

    public required string FileName { get; set; }

    public AttachmentKind Kind { get; set; }

    public long Length { get; set; }

    public required byte[] Content { get; set; }

    public required string RegionCode { get; set; }
}
