namespace Lindung.Data.Entities;

/// <summary>
/// A BPJS Ketenagakerjaan branch office (<i>kantor cabang</i>): its code, its name and the regency or
/// city of its seat (<see cref="RegionCode"/>). Which regencies it serves is effective-dated, in
/// <see cref="BranchWorkingArea"/>: branch reports quote figures for that working area.
/// </summary>
internal sealed class BranchOffice : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Unique across the installation, upper case (for example <c>MADIUN</c>).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The regency or city where the office sits.</summary>
    public required string RegionCode { get; set; }

    public List<BranchWorkingArea> WorkingAreas { get; set; } = [];
}
