namespace Lindung.Data.Entities;

/// <summary>
/// Traffic-light thresholds for a region and everything below it, as shares of the target in basis
/// points. Without a row the defaults apply (green ≥ target, yellow ≥ 80% of target).
/// </summary>
internal sealed class CoverageThresholdSetting : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int GreenBasisPointsOfTarget { get; set; } = 10_000;

    public int YellowBasisPointsOfTarget { get; set; } = 8_000;

    public required string RegionCode { get; set; }
}
