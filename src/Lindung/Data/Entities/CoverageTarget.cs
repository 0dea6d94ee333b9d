namespace Lindung.Data.Entities;

/// <summary>
/// A coverage target for a year: for one agency when <see cref="AgencyId"/> is set, else for the
/// whole region.
/// </summary>
internal sealed class CoverageTarget : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    public Guid? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>Target share of workers covered, in basis points (8550 = 85.50%).</summary>
    public int TargetBasisPoints { get; set; }

    public required string RegionCode { get; set; }
}
