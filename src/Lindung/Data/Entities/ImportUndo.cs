namespace Lindung.Data.Entities;

// The before-images an import keeps of the registry rows it changes in place (updated or ended),
// so the batch can be undone exactly. Rows an import inserts are found by their batch instead
// (workers and employments carry import_batch_id, memberships source_extract_id). Values are the
// stored ones, copied by the merge SQL as they are (enum codes as text), and copied back on undo.
// Each carries the journaled row's region code, so it lives on the same shard as that row. They are
// written and read by SQL only: never saved through EF, so they are never audited.

/// <summary>A worker as it was before an import changed it.</summary>
internal sealed class ImportUndoWorker : IRegionScoped
{
    public Guid BatchId { get; set; }

    public Guid WorkerId { get; set; }

    public required string Name { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Sex { get; set; }

    public required string RegionCode { get; set; }

    public string? Phone { get; set; }
}

/// <summary>An employment version as it was before an import closed, ended or corrected it.</summary>
internal sealed class ImportUndoEmployment : IRegionScoped
{
    public Guid BatchId { get; set; }

    public Guid EmploymentId { get; set; }

    public required string Category { get; set; }

    public string? Position { get; set; }

    public long MonthlyWage { get; set; }

    public required string FundingSource { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>Ended because its worker was missing from a replacing roster (not closed for a new version): the plan lists these.</summary>
    public bool Ended { get; set; }

    /// <summary>The employment's region (an import never changes it).</summary>
    public required string RegionCode { get; set; }
}

/// <summary>A membership version as it was before an extract closed or updated it.</summary>
internal sealed class ImportUndoMembership : IRegionScoped
{
    public Guid BatchId { get; set; }

    public Guid MembershipId { get; set; }

    public Guid WorkerId { get; set; }

    public required string Segment { get; set; }

    public required string Programs { get; set; }

    public string? EmployerNpp { get; set; }

    public required string Status { get; set; }

    public long ReportedWage { get; set; }

    public DateOnly? LastPaidMonth { get; set; }

    public Guid? SourceExtractId { get; set; }

    public required string RegionCode { get; set; }

    public DateOnly? ValidTo { get; set; }
}
