using Lindung.Domain.Enforcement;

namespace Lindung.Data.Entities;

/// <summary>
/// One enforcement case against an employer (DOMAIN §6.3–6.4): opened from its compliance findings,
/// whose evidence is frozen at opening, and climbing the PP 86/2013 ladder one stage at a time until
/// an outcome closes it. While it stands at TMP2T or beyond, the licensing gate answers SANCTIONED.
/// Every change is audited; the history of moves is in <see cref="EnforcementStep"/>.
/// </summary>
internal sealed class EnforcementCase : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Human reference, <c>KPS/35.77/2026/0007</c>: region, year opened, sequence in that region and year.</summary>
    public required string Number { get; set; }

    public Guid EmployerId { get; set; }

    public Employer? Employer { get; set; }

    /// <summary>The employer's NPP at opening (null for a firm never registered).</summary>
    public string? Npp { get; set; }

    /// <summary>The finding codes the case was opened for, <c>PDS_WORKERS,ARREARS</c>.</summary>
    public required string Violations { get; set; }

    /// <summary>The findings with their evidence as JSON, frozen at opening.</summary>
    public required string Evidence { get; set; }

    public EnforcementStage Stage { get; set; } = EnforcementStage.Opened;

    /// <summary>The day the case entered its current stage.</summary>
    public DateOnly StageOn { get; set; }

    /// <summary>The day the current stage's window ends (a working day); null for a stage without one.</summary>
    public DateOnly? DueOn { get; set; }

    public EnforcementOutcome? Outcome { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>Contributions due on which the fine was computed, whole rupiah.</summary>
    public long? ContributionsDue { get; set; }

    public long? FineAmount { get; set; }

    /// <summary>Arrears, fines and contributions recovered so far, whole rupiah.</summary>
    public long AmountRecovered { get; set; }

    /// <summary>The Kejaksaan Negeri the case is referred to, by the regency it serves (<c>35.77</c>).</summary>
    public string? ProsecutorRegion { get; set; }

    public string? SkkNumber { get; set; }

    public DateOnly? SkkDate { get; set; }

    /// <summary>The state attorney (Jaksa Pengacara Negara) named in the SKK.</summary>
    public string? StateAttorney { get; set; }

    public DateOnly OpenedOn { get; set; }

    public required string OpenedBy { get; set; }

    /// <summary>The employer's regency (<c>PP.KK</c>): the branch's scope and the shard key.</summary>
    public required string RegionCode { get; set; }

    public bool IsOpen => Outcome is null;
}
