
namespace Lindung.Data.Entities;

/// <summary>
/// One uploaded file on its way into the registry, run in the background. The row is the job's
/// whole memory: a page reload, another browser or an API client all read progress and results
/// from here, and a restart finds what was left running.
/// </summary>
internal sealed class ImportJob : IImportRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public ImportKind Kind { get; set; }

    /// <summary>The agency whose roster this is; optional for a membership extract.</summary>
    public Guid? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public required string OriginalFileName { get; set; }

    /// <summary>Where the upload lies, relative to the data folder (<c>uploads/&lt;id&gt;.csv</c>).</summary>
    public required string StoredPath { get; set; }

    public CommitMode Mode { get; set; }

    public RosterMode RosterMode { get; set; }

    /// <summary>
    /// What committing the file would do, as JSON (<c>ImportPlan</c>): written when the job has run
    /// once without committing and waits for the uploader to confirm it.
    /// </summary>
    public string? Plan { get; set; }

    /// <summary>The fingerprint of the plan the uploader confirmed: the job commits only if running it again gives the same plan.</summary>
    public string? ConfirmedPlan { get; set; }

    /// <summary>The uploader confirmed a second time that a replace may end more than the region's limit.</summary>
    public bool Force { get; set; }

    /// <summary>The worksheet of an XLSX workbook; null for the first sheet or a CSV.</summary>
    public string? Sheet { get; set; }

    /// <summary>Canonical column → header cell picked on the mapping screen, as a JSON object; null when none.</summary>
    public string? ColumnOverrides { get; set; }

    public ImportJobStatus Status { get; set; }

    /// <summary>The runner's last reported phase (e.g. "reading", "committing").</summary>
    public string? Phase { get; set; }

    public long RowsRead { get; set; }

    public long BytesRead { get; set; }

    public long TotalBytes { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The user or API key (<c>apikey:&lt;prefix&gt;</c>) that uploaded the file.</summary>
    public required string CreatedBy { get; set; }

    public Guid? BatchId { get; set; }

    public bool Committed { get; set; }

    public int RowsValid { get; set; }

    public int RowsInvalid { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Ended { get; set; }

    /// <summary>The first row issues as a JSON array, for the summary on screen; the report holds them all.</summary>
    public string? FirstIssues { get; set; }

    /// <summary>Row report paths relative to the data folder.</summary>
    public string? ReportCsvPath { get; set; }

    public string? ReportXlsxPath { get; set; }

    /// <summary>Why a job failed (an unexpected error or an interrupted run), for the operator; never row data.</summary>
    public string? Error { get; set; }

    public required string RegionCode { get; set; }
}
