using Lindung.Domain.Budget;

namespace Lindung.Data.Entities;

/// <summary>
/// An informal workers' group under an agency's programme: a kelompok tani under Dinas Pertanian, Tagana
/// volunteers under Dinas Sosial, guru ngaji under Kesra. Its members are reconciled against memberships
/// like a roster; who pays for those not yet enrolled is the group's payer.
/// </summary>
internal sealed class WorkerGroup : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>A <see cref="GroupKind"/> code, e.g. <c>kelompok_tani</c>.</summary>
    public required string KindCode { get; set; }

    /// <summary>The fostering agency.</summary>
    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The group's village (<c>PP.KK.CC.DDDD</c>), when it has one.</summary>
    public string? VillageCode { get; set; }

    public BudgetPayer Payer { get; set; } = BudgetPayer.Self;

    /// <summary>The agency's regency or city.</summary>
    public required string RegionCode { get; set; }
}

/// <summary>One worker's membership of a group, with the occupation and declared income the group reported.</summary>
internal sealed class GroupMember : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid GroupId { get; set; }

    public WorkerGroup? Group { get; set; }

    public Guid WorkerId { get; set; }

    public Worker? Worker { get; set; }

    public string? Occupation { get; set; }

    /// <summary>Declared monthly income in whole rupiah; null prices at the BPU minimum.</summary>
    public long? MonthlyIncome { get; set; }

    /// <summary>Transport workers (ojek, drivers, couriers) have their own PP 50/2025 window.</summary>
    public bool Transport { get; set; }

    public DateOnly JoinedOn { get; set; }

    public required string RegionCode { get; set; }
}

/// <summary>A kind of group (the configurable list): a code and its name in both languages.</summary>
internal sealed class GroupKind
{
    public required string Code { get; set; }

    public required string NameId { get; set; }

    public required string NameEn { get; set; }
}
