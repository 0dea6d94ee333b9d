namespace Lindung.Domain.Compliance;

/// <summary>
/// The evidence behind a finding, as numbers a clerk can quote: only the fields that finding uses
/// are set.
/// </summary>
public sealed record ComplianceEvidence
{
    public int? Count { get; init; }

    public int? Of { get; init; }

    public int? Months { get; init; }

    public DateOnly? LastPaidMonth { get; init; }

    public DateOnly? DueThrough { get; init; }

    /// <summary>Programs required for the employer's size, e.g. <c>JKK,JKM,JHT</c>.</summary>
    public string? Programs { get; init; }

    public Guid? ExtractId { get; init; }

    public DateOnly? AsOf { get; init; }

    /// <summary>The enforcement case whose TMP2T request is in force (SANCTIONED).</summary>
    public Guid? CaseId { get; init; }

    public string? CaseNumber { get; init; }
}

/// <summary>One reason behind a status: a stable code, the message in both languages, and its evidence.</summary>
public sealed record ComplianceFinding(string Code, string MessageId, string MessageEn, ComplianceEvidence Evidence)
{
    public string Message(bool english) => english ? MessageEn : MessageId;
}

/// <summary>The answer for one employer: its status and every finding behind it (none when PATUH).</summary>
public sealed record ComplianceAssessment(ComplianceStatus Status, IReadOnlyList<ComplianceFinding> Findings);
