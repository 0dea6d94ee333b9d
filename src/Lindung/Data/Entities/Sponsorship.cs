using Lindung.Domain.Contributions;

namespace Lindung.Data.Entities;

/// <summary>
/// A sponsor's pledge to pay one worker's BPU contributions for <see cref="Months"/> months from
/// <see cref="FirstMonth"/>, priced month by month when pledged (<see cref="SponsoredMonth"/>). At its
/// end it is handed over (renewed, the worker pays, or the APBD takes over); the handover is audited.
/// </summary>
internal sealed class Sponsorship : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SponsorId { get; set; }

    public Sponsor? Sponsor { get; set; }

    public Guid WorkerId { get; set; }

    public Worker? Worker { get; set; }

    /// <summary>The first iuran month (its first day).</summary>
    public DateOnly FirstMonth { get; set; }

    public int Months { get; set; }

    /// <summary>The declared monthly income the BPU contribution is computed on, whole rupiah.</summary>
    public long MonthlyIncome { get; set; }

    /// <summary>Programs paid, e.g. <c>JKK,JKM</c> or <c>JKK,JKM,JHT</c>.</summary>
    public required string Programs { get; set; }

    public BpuSector Occupation { get; set; } = BpuSector.Other;

    public DateOnly PledgedOn { get; set; }

    public SponsorshipHandover? Handover { get; set; }

    public DateOnly? HandedOverOn { get; set; }

    /// <summary>The worker's domicile regency (<c>PP.KK</c>): the scope and shard key.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The day after the last sponsored month: coverage runs until the day before.</summary>
    public DateOnly EndsOn => FirstMonth.AddMonths(Months);
}

/// <summary>What happens when a sponsored period ends.</summary>
internal enum SponsorshipHandover
{
    /// <summary>The sponsor renews (a new sponsorship follows on).</summary>
    Renewed,

    /// <summary>The worker pays from now on.</summary>
    SelfPay,

    /// <summary>The regional budget takes the worker over.</summary>
    Apbd,
}
