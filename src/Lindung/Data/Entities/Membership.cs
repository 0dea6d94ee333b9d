using Lindung.Domain.Contributions;
using Lindung.Domain.Rosters;

namespace Lindung.Data.Entities;

/// <summary>
/// A BPJS Ketenagakerjaan participation (KPJ card) as reported by the branch. Versioned: each change
/// in status, programs or wage closes the current version and opens a new one (<see cref="IHistorical"/>).
/// </summary>
internal sealed class Membership : IRegionScoped, IHistorical
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Kartu Peserta Jamsostek number, 11 digits. At most one open version per KPJ.</summary>
    public required string Kpj { get; set; }

    public Guid WorkerId { get; set; }

    public Worker? Worker { get; set; }

    public Segment Segment { get; set; }

    public ProgramSet Programs { get; set; }

    /// <summary>NPP of the registering employer (not a foreign key: the employer may not be in the registry).</summary>
    public string? EmployerNpp { get; set; }

    public MembershipStatus Status { get; set; }

    /// <summary>Wage reported to BPJS, whole rupiah per month.</summary>
    public long ReportedWage { get; set; }

    /// <summary>The last month paid for, as the first day of that month.</summary>
    public DateOnly? LastPaidMonth { get; set; }

    public Guid? SourceExtractId { get; set; }

    public MembershipExtract? SourceExtract { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>Region the participation counts for: the employer's regency, or the worker's for BPU.</summary>
    public required string RegionCode { get; set; }
}
