namespace Lindung.Data.Entities;

/// <summary>Where an import job stands. Only Queued and Running are unfinished; AwaitingMapping and AwaitingConfirmation wait for a person.</summary>
internal enum ImportJobStatus
{
    /// <summary>The header lacks a required column: the uploader picks header cells on the mapping screen.</summary>
    AwaitingMapping,
    Queued,
    Running,

    /// <summary>Run once without committing: the plan (new, changed, unchanged, ended) waits for the uploader's confirmation.</summary>
    AwaitingConfirmation,

    /// <summary>Committed (all rows, or the valid ones in valid-rows-only mode).</summary>
    Succeeded,

    /// <summary>Invalid rows in all-or-nothing mode: nothing committed, the report says why.</summary>
    Rejected,

    /// <summary>An unexpected error, or the app stopped while it ran; the runner's single transaction left nothing half-written.</summary>
    Failed,
    Cancelled,
}
