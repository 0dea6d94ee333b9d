namespace Lindung.Data.Entities;

/// <summary>
/// One regency or city (<see cref="RegionCode"/>, <c>PP.KK</c>) in a branch's working area from
/// <see cref="ValidFrom"/> (inclusive) to <see cref="ValidTo"/> (exclusive; null = still assigned).
/// A regency belongs to at most one branch on any day: the use cases refuse an overlap, and the
/// schema allows only one open assignment per regency.
/// </summary>
internal sealed class BranchWorkingArea : IRegionScoped, IHistorical
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BranchId { get; set; }

    public BranchOffice? Branch { get; set; }

    /// <summary>The regency or city code, <c>PP.KK</c>.</summary>
    public required string RegionCode { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}
