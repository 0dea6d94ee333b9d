using Lindung.Data.Entities;

namespace Lindung.Features.Imports;

/// <summary>
/// One import to run. <paramref name="ColumnOverrides"/> maps a canonical column (e.g. "nik") to the
/// header cell the user picked for it on the mapping screen, for headers no alias recognises.
/// <paramref name="EffectiveDate"/> is the day the file's contents take effect (default: today);
/// <paramref name="ReportPath"/> is where the CSV row report goes (default:
/// <c>&lt;data&gt;/imports/&lt;batch&gt;/report.csv</c>).
/// <para>
/// <paramref name="RosterMode"/> says whether a roster ends the jobs of people missing from it
/// (<see cref="RosterMode.Replace"/>) or not (<see cref="RosterMode.Update"/>, the default).
/// <paramref name="Confirm"/> says whether to commit: <see cref="ImportConfirmation.PlanOnly"/>
/// makes the plan and rolls it back; otherwise the runner commits when the plan matches the
/// confirmed fingerprint (if one is given) and, for a replace over the limit, when forced.
/// </para>
/// <para><paramref name="JobId"/> is the background job this run is for: its row turns Succeeded in the commit's own transaction.</para>
/// <para>
/// <paramref name="Uploader"/> is the user or API key a web or API job runs for: a roster row naming
/// a registered worker outside their scope is rejected (<c>WORKER_OUT_OF_SCOPE</c>). Null is the
/// installation's operator (the CLI), who may update anyone.
/// </para>
/// </summary>
internal sealed record ImportRequest(
    ImportKind Kind,
    string FilePath,
    string OriginalFileName,
    string? AgencyCode,
    string? Sheet,
    CommitMode Mode,
    IReadOnlyDictionary<string, string>? ColumnOverrides = null,
    DateOnly? EffectiveDate = null,
    string? ReportPath = null,
    RosterMode RosterMode = RosterMode.Update,
    ImportConfirmation? Confirm = null,
    Guid? JobId = null,
    Lindung.Security.AccessScope? Uploader = null)
{
    public ImportConfirmation Confirmation => Confirm ?? ImportConfirmation.CommitAny;
}

/// <summary>
/// Whether and what to commit. <see cref="Plan"/> is the fingerprint of the plan the user saw
/// (null: whatever the plan is, as with the CLI's --yes); <see cref="Force"/> is the second
/// confirmation a replace over the limit needs.
/// </summary>
internal sealed record ImportConfirmation(bool Commit, string? Plan, bool Force)
{
    public static ImportConfirmation PlanOnly { get; } = new(Commit: false, Plan: null, Force: false);

    public static ImportConfirmation CommitAny { get; } = new(Commit: true, Plan: null, Force: false);

    public static ImportConfirmation Forced(string? plan = null) => new(Commit: true, plan, Force: true);
}

/// <summary>How far an import has got; bytes let a progress bar move before the row count is known.</summary>
internal sealed record ImportProgress(string Phase, long RowsRead, long BytesRead, long TotalBytes);

/// <summary>
/// What an import did. Row issues live in the report files (a million bad rows never sit in memory);
/// <see cref="FirstIssues"/> holds the first few for a summary on screen.
/// </summary>
internal sealed record ImportOutcome(
    Guid BatchId,
    bool Committed,
    int RowsRead,
    int RowsValid,
    int RowsInvalid,
    int Inserted,
    int Updated,
    int Unchanged,
    int Ended,
    IReadOnlyList<RowIssue> FirstIssues,
    string? ReportCsvPath,
    string? ReportXlsxPath,
    IReadOnlyDictionary<string, int>? IssueCounts = null,
    ImportPlan? Plan = null,
    PlanState State = PlanState.Rejected);

/// <summary>One problem in one cell: the spreadsheet row (header is row 1), the canonical column, a code and the message in both languages.</summary>
internal sealed record RowIssue(int Row, string Column, string Code, string MessageId, string MessageEn)
{
    public static RowIssue From(Lindung.Domain.Rosters.RowProblem problem) =>
        new(problem.Row, problem.Column, problem.Error.Code, problem.Error.MessageId, problem.Error.MessageEn);

    /// <summary>How the command-line verbs print a refused cell: "  row 3, nilai, CODE: pesan / message".</summary>
    public string CliLine => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  row {Row}, {Column}, {Code}: {MessageId} / {MessageEn}");
}

/// <summary>
/// The file cannot be imported as asked: a required column is missing, the agency is unknown, a
/// column override names no header cell. Nothing was read into the database.
/// </summary>
internal sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>Runs one import: read, validate, report and (unless refused) commit in one transaction.</summary>
internal interface IImportRunner
{
    Task<ImportOutcome> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}
