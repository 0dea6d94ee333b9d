using Lindung.Data.Entities;

namespace Lindung.Features.Imports;

/// <summary>
/// What committing a file would do, measured by running the whole import inside its transaction
/// and rolling it back: counts, and who a replacing roster would end. <see cref="Fingerprint"/>
/// sums it up (the file, the choices, the counts and every ended job); a confirmed plan commits
/// only if running the file again gives the same fingerprint, so what the user saw is what commits.
/// </summary>
internal sealed record ImportPlan(
    string Fingerprint,
    RosterMode RosterMode,
    int Inserted,
    int Updated,
    int Unchanged,
    int Ended,
    int ActiveBefore,
    int EndLimitPercent,
    IReadOnlyList<PlannedEnd> EndedSample)
{
    /// <summary>How many of the people to be ended the plan names; the count covers them all.</summary>
    public const int SampleSize = 500;

    /// <summary>A replace that ends more than the limit's share of the agency's open jobs needs a second, named confirmation.</summary>
    public bool NeedsForce => Ended > 0 && (long)Ended * 100 > (long)EndLimitPercent * ActiveBefore;
}

/// <summary>One job a replacing roster would end: the worker's masked NIK and name, and the agency.</summary>
internal sealed record PlannedEnd(string Nik, string Name, string Agency);

/// <summary>
/// What the runner did with a plan. <see cref="Committed"/> is the only state that changed the
/// registry; the others rolled everything back.
/// </summary>
internal enum PlanState
{
    /// <summary>Invalid rows in all-or-nothing mode, or no valid row: no plan was made.</summary>
    Rejected,

    /// <summary>The plan was made and rolled back, as asked.</summary>
    Planned,

    /// <summary>The registry changed since the plan was confirmed: the new plan waits for a new confirmation.</summary>
    Stale,

    /// <summary>The plan ends more than the limit allows without the second confirmation.</summary>
    NeedsForce,

    Committed,
}
