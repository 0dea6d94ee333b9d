
namespace Lindung.Data.Entities;

/// <summary>
/// One committed import of a roster or a membership extract: which file (name and SHA-256), what
/// it held and what it changed. The rows themselves are merged by bulk SQL, which the audit
/// interceptor does not see; the batch row is saved through EF, so its audit event is the one
/// summary of the whole import.
/// </summary>
internal sealed class ImportBatch : IImportRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public ImportKind Kind { get; set; }

    public CommitMode Mode { get; set; }

    /// <summary>For a roster: whether it ended the jobs of people missing from it (<see cref="RosterMode.Replace"/>).</summary>
    public RosterMode RosterMode { get; set; }

    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file, lowercase hex: shows when the same file comes back.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The agency a roster was imported for; null for a membership extract.</summary>
    public Guid? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The day the file's contents take effect: new versions start and ended rows stop on it.</summary>
    public DateOnly EffectiveDate { get; set; }

    public int RowsRead { get; set; }

    public int RowsValid { get; set; }

    public int RowsInvalid { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Ended { get; set; }

    public required string ImportedBy { get; set; }

    /// <summary>When the batch committed, UTC.</summary>
    public DateTime ImportedAt { get; set; }

    /// <summary>When the batch was undone (the registry put back as it was before it), UTC; null while it stands.</summary>
    public DateTime? UndoneAt { get; set; }

    public string? UndoneBy { get; set; }

    /// <summary>The agency's region for a roster; for an extract, the region most of its members count for.</summary>
    public required string RegionCode { get; set; }
}
