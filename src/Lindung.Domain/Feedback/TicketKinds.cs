namespace Lindung.Domain.Feedback;

/// <summary>What an agency writes to the branch about (the seeds' "kritik, saran dan masukan", and complaints).</summary>
public enum TicketCategory
{
    /// <summary>Criticism of the branch's service.</summary>
    Kritik,

    /// <summary>A suggestion.</summary>
    Saran,

    /// <summary>Input: information the branch should know.</summary>
    Masukan,

    /// <summary>A complaint that asks for action (a claim, a card, a bill).</summary>
    Pengaduan,
}

/// <summary>Where a ticket stands: whose turn it is, or closed.</summary>
public enum TicketStatus
{
    /// <summary>Waiting for the branch: new, or the agency wrote again.</summary>
    Open,

    /// <summary>The branch answered; waiting for the agency to close it or write again.</summary>
    Answered,

    /// <summary>Closed, with the agency's satisfaction when the agency closed it.</summary>
    Closed,
}
