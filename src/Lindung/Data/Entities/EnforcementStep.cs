using Lindung.Domain.Enforcement;

namespace Lindung.Data.Entities;

/// <summary>One move in a case's history: a stage entered, an outcome, a reopen, or a prosecutor's action, with who, when and why.</summary>
internal sealed class EnforcementStep : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public EnforcementStepKind Kind { get; set; }

    /// <summary>The stage the case stood at after the move.</summary>
    public EnforcementStage Stage { get; set; }

    public EnforcementOutcome? Outcome { get; set; }

    public DateOnly On { get; set; }

    public DateTime At { get; set; }

    public required string By { get; set; }

    public DateOnly? DueOn { get; set; }

    public string? Note { get; set; }

    /// <summary>Rupiah recovered by this move (an outcome or a prosecutor's action).</summary>
    public long? Amount { get; set; }

    /// <summary>The letter issued with the move, if any.</summary>
    public Guid? LetterId { get; set; }

    public required string RegionCode { get; set; }
}

internal enum EnforcementStepKind
{
    Opened,
    Advanced,
    Closed,
    Reopened,
    ProsecutorAction,
}
