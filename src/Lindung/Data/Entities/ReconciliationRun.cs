namespace Lindung.Data.Entities;

/// <summary>
/// One reconciliation of a region's (or one agency's) roster against the memberships held in the
/// registry: who started it, when, and how many roster workers ended in each outcome. It runs in
/// the background, so the row is also the job's memory: status and progress for a reload, another
/// browser or an API client, and what a restart finds left running.
/// </summary>
internal sealed class ReconciliationRun : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The region reconciled (regency/city); memberships of this region were matched.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Set when the run covered one agency only.</summary>
    public Guid? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>
    /// When the run was asked for while it waits in the queue; when it started reading the registry once
    /// it runs (the as-of time of its results, compared with later imports to tell they are out of date).
    /// </summary>
    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public required string StartedBy { get; set; }

    /// <summary>The day whose roster and memberships were reconciled.</summary>
    public DateOnly AsOf { get; set; }

    public int RosterRows { get; set; }

    public int CoveredActive { get; set; }

    public int CoveredInactive { get; set; }

    public int NotRegistered { get; set; }

    public int NeedsReview { get; set; }

    public int InvalidRow { get; set; }

    public int WageUnderreported { get; set; }

    public int ProgramMissing { get; set; }

    /// <summary>
    /// Foreign workers on the roster who are not members and not yet required to be (working in
    /// Indonesia for less than the months of <see cref="Domain.Coverage.ForeignMembershipRule"/>):
    /// no result is stored for them, so they are in no gap.
    /// </summary>
    public int ForeignNotYetDue { get; set; }

    public ReconciliationRunStatus Status { get; set; }

    /// <summary>The runner's last reported phase (e.g. "matching", "saving").</summary>
    public string? Phase { get; set; }

    /// <summary>Roster workers done in the current phase, of <see cref="Total"/>; 0 of 0 while the phase cannot tell.</summary>
    public int Done { get; set; }

    public int Total { get; set; }

    /// <summary>Why a run failed (an unexpected error or an interrupted run), as an error code; never row data.</summary>
    public string? Error { get; set; }
}
