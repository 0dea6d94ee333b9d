using Lindung.Domain.Claims;

namespace Lindung.Data.Entities;

/// <summary>
/// A benefit claim of a worker the registry knows (DOMAIN §10), entered by the agency or the branch
/// or imported from the branch's claims extract:
/// the event, the filing, the day the documents were complete (the SLA clock starts), the payment. Whether
/// the worker was covered for that benefit on the event day is decided when the claim is recorded; when
/// not, the employer's own liability is estimated from the benefit book.
/// </summary>
internal sealed class BenefitClaim : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid WorkerId { get; set; }

    public Worker? Worker { get; set; }

    /// <summary>
    /// The branch's own claim number, when the claim came from a branch extract:
    /// unique within the region, the key that makes importing the same extract twice change nothing.
    /// Null for claims entered by hand.
    /// </summary>
    public string? ClaimNumber { get; set; }

    public ClaimKind Kind { get; set; }

    /// <summary>The worker died (a JKK death or a JKM claim).</summary>
    public bool Death { get; set; }

    public DateOnly EventDate { get; set; }

    public DateOnly? ClaimDate { get; set; }

    public DateOnly? DocumentsCompleteOn { get; set; }

    public ClaimStatus Status { get; set; }

    public DateOnly? PaidOn { get; set; }

    public long? PaidAmount { get; set; }

    /// <summary>An active membership with the claimed program covered the worker on the event day.</summary>
    public bool CoveredOnEvent { get; set; }

    /// <summary>The wage the liability is estimated on (the worker's job on record, or as entered).</summary>
    public long? MonthlyWage { get; set; }

    /// <summary>What the employer carries itself when the worker was not covered, rupiah (null when covered or not estimable).</summary>
    public long? Liability { get; set; }

    /// <summary>The agency that employed the worker on the event day, if any: the employer that carries an uncovered benefit.</summary>
    public Guid? AgencyId { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>The worker's regency (<c>PP.KK</c>): the scope and shard key.</summary>
    public required string RegionCode { get; set; }
}
