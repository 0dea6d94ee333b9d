using Lindung.Domain.Reconciliation;

namespace Lindung.Data.Entities;

/// <summary>
/// A reviewer's decision on one roster-worker × membership pair, remembered for every later run:
/// accepted pairs match (with the method and score kept), rejected pairs are never proposed again.
/// </summary>
internal sealed class MatchDecision : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The roster worker's NIK; with <see cref="Kpj"/> the pair decided (unique).</summary>
    public required string RosterNik { get; set; }

    public required string Kpj { get; set; }

    public bool Accepted { get; set; }

    public MatchMethod Method { get; set; }

    public double Score { get; set; }

    public Guid WorkerId { get; set; }

    public Guid? AgencyId { get; set; }

    public required string DecidedBy { get; set; }

    public DateTime DecidedAt { get; set; }

    /// <summary>The roster agency's region.</summary>
    public required string RegionCode { get; set; }
}
