using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Data.Entities;

/// <summary>
/// What one run concluded for one roster worker (one current agency employment): the outcome, the
/// membership matched and how, the coverage gaps, and for review rows the candidate memberships.
/// </summary>
internal sealed class ReconciliationResult : IRegionScoped, IDerivedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RunId { get; set; }

    public ReconciliationRun? Run { get; set; }

    public Guid AgencyId { get; set; }

    public Guid WorkerId { get; set; }

    public Worker? Worker { get; set; }

    /// <summary>The monthly wage on the agency roster (the employment), whole rupiah.</summary>
    public long RosterWage { get; set; }

    public ReconcileOutcome Outcome { get; set; }

    public MatchMethod Method { get; set; }

    public double Score { get; set; }

    /// <summary>The membership matched; null unless covered.</summary>
    public string? Kpj { get; set; }

    public bool WageUnderreported { get; set; }

    public bool ProgramMissing { get; set; }

    /// <summary>The matched membership's reported wage.</summary>
    public long? ReportedWage { get; set; }

    /// <summary>The matched membership's programs.</summary>
    public ProgramSet MemberPrograms { get; set; }

    /// <summary>Review rows: <c>kpj=score=METHOD</c> per candidate, <c>;</c>-separated, best first (see <c>Features/Reconciliation/ReviewCandidates</c>).</summary>
    public string? Candidates { get; set; }

    /// <summary>The agency's region.</summary>
    public required string RegionCode { get; set; }
}
