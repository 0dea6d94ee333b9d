using Lindung.Domain.Compliance;
using Lindung.Domain.Licensing;

namespace Lindung.Data.Entities;

/// <summary>
/// One question a licensing office asked and what Lindung answered: who asked (a user's email or
/// <c>apikey:&lt;prefix&gt;</c>), when, for which application and licence type, about which applicant,
/// the decision with its reasons and the rule version that decided. The row is itself the record of
/// who did what, so it is not audited again (<see cref="ISelfRecordedRow"/>).
/// </summary>
internal sealed class LicenceCheck : IRegionScoped, ISelfRecordedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string ApplicationNumber { get; set; }

    public required string LicenceType { get; set; }

    public Guid RuleId { get; set; }

    public LicenceRuleVersion? Rule { get; set; }

    /// <summary>The employer identifier as normalized digits (NPP, NIB or NPWP).</summary>
    public required string Identifier { get; set; }

    public EmployerIdentifierKind IdentifierKind { get; set; }

    /// <summary>A sole trader's NIK, masked as lists show it (<c>357701******0001</c>): enough to recognise, not to reuse.</summary>
    public string? NikMasked { get; set; }

    public Guid? EmployerId { get; set; }

    public string? EmployerName { get; set; }

    public ComplianceStatus ComplianceStatus { get; set; }

    public LicensingOutcome Outcome { get; set; }

    /// <summary>The reasons as JSON (code, outcome, both messages, evidence), exactly as answered.</summary>
    public required string Reasons { get; set; }

    public required string AskedBy { get; set; }

    public DateTime AskedAt { get; set; }

    /// <summary>The licensing office's region (the rule's region or one inside its province).</summary>
    public required string RegionCode { get; set; }
}
