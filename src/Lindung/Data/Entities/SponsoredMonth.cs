namespace Lindung.Data.Entities;

/// <summary>
/// One month of a sponsorship in the sponsor's ledger: the contribution pledged (priced with the BPU
/// rules in force that month), and when it was invoiced and paid.
/// </summary>
internal sealed class SponsoredMonth : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SponsorshipId { get; set; }

    public Sponsorship? Sponsorship { get; set; }

    /// <summary>Denormalised from the sponsorship so a sponsor's ledger is one indexed read.</summary>
    public Guid SponsorId { get; set; }

    /// <summary>The iuran month (its first day).</summary>
    public DateOnly Month { get; set; }

    /// <summary>Whole rupiah, as the contribution engine computed it when pledged.</summary>
    public long Amount { get; set; }

    public DateOnly? InvoicedOn { get; set; }

    public DateOnly? PaidOn { get; set; }

    public required string RegionCode { get; set; }
}
