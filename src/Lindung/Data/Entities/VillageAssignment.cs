namespace Lindung.Data.Entities;

/// <summary>
/// "Satu OPD Satu Desa Dampingan": an agency fosters a village (desa/kelurahan, <c>PP.KK.CC.DDDD</c>)
/// from <see cref="ValidFrom"/> (inclusive) to <see cref="ValidTo"/> (exclusive; null = open). A village
/// may have several agencies; one agency has at most one open assignment per village, and the use case
/// refuses overlapping periods.
/// </summary>
internal sealed class VillageAssignment : IRegionScoped, IHistorical
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The village code, <c>PP.KK.CC.DDDD</c>.</summary>
    public required string VillageCode { get; set; }

    /// <summary>The village's regency or city (<c>PP.KK</c>), the scope and shard key.</summary>
    public required string RegionCode { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}
