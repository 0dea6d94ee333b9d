namespace Lindung.Data.Entities;

/// <summary>
/// What the region knows about one village beyond the area data: its working-age population
/// (entered by the regional admin from the village's own figures), the denominator of its progress.
/// </summary>
internal sealed class VillageProfile : IRegionScoped
{
    /// <summary>The village code, <c>PP.KK.CC.DDDD</c>.</summary>
    public required string VillageCode { get; set; }

    /// <summary>The village's regency or city (<c>PP.KK</c>).</summary>
    public required string RegionCode { get; set; }

    public int? WorkingAgePopulation { get; set; }

    /// <summary>The day the population figure describes.</summary>
    public DateOnly? PopulationAsOf { get; set; }
}
