namespace Lindung.Data.Entities;

/// <summary>What one <see cref="CoverageSnapshot"/> row counts.</summary>
internal enum SnapshotDimension
{
    /// <summary>An agency's non-ASN roster for one category: Key = agency id, Eligible, Covered.</summary>
    Agency,

    /// <summary>Residents of one village (the worker's region): roster Eligible/Covered and Active participants.</summary>
    Village,

    /// <summary>Active memberships of one segment in one regency: Key = PU/BPU/JAKON/PMI, Active.</summary>
    Segment,

    /// <summary>Distinct employers (NPP) with an active PU membership in one regency: Active.</summary>
    PuEmployers,

    /// <summary>
    /// PDS Tenaga Kerja for one employer and agency (Key = agency id in 32 hex digits, then the NPP), from the latest
    /// reconciliation: Eligible = roster workers placed with the employer, Covered = those registered,
    /// Active = those not registered while the employer is.
    /// </summary>
    PdsWorkers,

    /// <summary>PDS Upah for one employer and agency (Key as <see cref="PdsWorkers"/>): Active = members whose reported wage is below the roster's.</summary>
    PdsWage,

    /// <summary>PDS Program for one employer and agency (Key as <see cref="PdsWorkers"/>): Active = members missing a program the roster requires.</summary>
    PdsProgram,
}

/// <summary>
/// Pre-aggregated coverage for one month, so dashboards and reports read a few thousand rows instead
/// of millions of memberships, and last year's figures stay as they were reported. Written whole per
/// month by <c>CoverageSnapshots</c>; closed months are never rewritten unless asked.
/// </summary>
internal sealed class CoverageSnapshot : IRegionScoped, IDerivedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The month, as its first day.</summary>
    public DateOnly Month { get; set; }

    /// <summary>The day the figures describe: the month's last day once closed, else the day taken.</summary>
    public DateOnly AsOf { get; set; }

    public SnapshotDimension Dimension { get; set; }

    public required string Key { get; set; }

    public WorkerCategory? Category { get; set; }

    public int Eligible { get; set; }

    public int Covered { get; set; }

    public int Active { get; set; }

    public DateTime TakenAt { get; set; }

    public required string RegionCode { get; set; }
}
