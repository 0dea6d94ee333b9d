namespace Lindung.Data.Entities;

/// <summary>Where a reconciliation run stands. Only Queued and Running are unfinished.</summary>
internal enum ReconciliationRunStatus
{
    Queued,
    Running,

    /// <summary>Results stored and confirmed matches linked, in one transaction.</summary>
    Succeeded,

    /// <summary>An unexpected error, or the app stopped while it ran; the transaction left nothing half-written.</summary>
    Failed,
    Cancelled,
}
