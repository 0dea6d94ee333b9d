namespace Lindung.Data.Entities;

/// <summary>
/// Penduduk bekerja (BPS) of a region in a year, entered by an admin: the denominator of the UCJ ratio
/// (active participants ÷ working population).
/// </summary>
internal sealed class WorkingPopulation : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    public long Population { get; set; }

    /// <summary>Where the figure comes from, e.g. "BPS Sakernas Agustus 2025", or "DEMO".</summary>
    public required string Source { get; set; }

    public required string RegionCode { get; set; }
}
