namespace Lindung.Data.Entities;

/// <summary>A membership file from the BPJS Ketenagakerjaan branch, as loaded.</summary>
internal sealed class MembershipExtract : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file, lowercase hex; lets a loader see that a file was loaded before.</summary>
    public required string Sha256 { get; set; }

    /// <summary>When the file was loaded, UTC.</summary>
    public DateTime LoadedAt { get; set; }

    public required string LoadedBy { get; set; }

    public int RowCount { get; set; }

    /// <summary>The region the extract was loaded for.</summary>
    public required string RegionCode { get; set; }
}
