namespace Lindung.Data.Entities;

/// <summary>
/// How much of an agency's active staff one replacing roster may end before it needs a second, named
/// confirmation, for a region and everything below it (the nearest setting wins). Without a row the
/// installation's default applies.
/// </summary>
internal sealed class ReplaceLimitSetting : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>A share of the agency's active workers, 0–100; 0 asks for the second confirmation before ending anyone.</summary>
    public int EndLimitPercent { get; set; }

    public required string RegionCode { get; set; }
}
