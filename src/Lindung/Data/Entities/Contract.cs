using Lindung.Domain.Procurement;

namespace Lindung.Data.Entities;

/// <summary>
/// A contract an agency signed with a third-party contractor (<i>pihak ketiga, rekanan</i>): its
/// number (unique within the agency), the commitment officer (PPK), the contractor found in the
/// employer registry, kind, value, period, the village where the work is done and its payment
/// stages. Construction contracts carry the project's Jakon registration and payment as the
/// branch or admin recorded them; other services carry the contractor's workers assigned to it.
/// </summary>
internal sealed class Contract : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Number { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The agency's commitment officer (Pejabat Pembuat Komitmen) as named on the contract.</summary>
    public string? CommitmentOfficer { get; set; }

    public Guid ContractorId { get; set; }

    public Employer? Contractor { get; set; }

    public ContractKind Kind { get; set; }

    /// <summary>Contract value excluding PPN, in rupiah: the base of the Jakon contribution.</summary>
    public long Value { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    /// <summary>Kemendagri village code of the work's location (<c>35.77.01.1001</c>).</summary>
    public required string LocationCode { get; set; }

    public string? JakonRegistrationNumber { get; set; }

    /// <summary>Jakon contribution paid, in rupiah, as recorded by the branch or admin (0 until recorded).</summary>
    public long JakonPaid { get; set; }

    public DateOnly? JakonPaidOn { get; set; }

    public List<ContractStage> Stages { get; set; } = [];

    public List<ContractWorker> Workers { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>The agency's region: scopes filter on it.</summary>
    public required string RegionCode { get; set; }
}

/// <summary>One payment stage (termin): its number, the amount in rupiah (from a share of the value or given), its planned date.</summary>
internal sealed class ContractStage : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContractId { get; set; }

    public int Number { get; set; }

    /// <summary>The share of the contract value as given, in basis points (30 % = 3000); null when an amount was given.</summary>
    public int? ShareBasisPoints { get; set; }

    public long Amount { get; set; }

    public DateOnly? PlannedOn { get; set; }

    public required string RegionCode { get; set; }
}

/// <summary>A contractor's worker assigned to an other-services contract, by NIK (checked against memberships at the gate).</summary>
internal sealed class ContractWorker : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContractId { get; set; }

    public required string Nik { get; set; }

    public required string RegionCode { get; set; }
}

/// <summary>
/// One payment-gate question and its answer: who asked, when, for which contract and stage, payable
/// or not with the reasons as answered. The row is itself the record (<see cref="ISelfRecordedRow"/>).
/// </summary>
internal sealed class PaymentGateCheck : IRegionScoped, ISelfRecordedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContractId { get; set; }

    public int Stage { get; set; }

    public bool Payable { get; set; }

    /// <summary>The reasons as JSON (code, blocks, both messages, evidence), exactly as answered.</summary>
    public required string Reasons { get; set; }

    public required string AskedBy { get; set; }

    public DateTime AskedAt { get; set; }

    public required string RegionCode { get; set; }
}
