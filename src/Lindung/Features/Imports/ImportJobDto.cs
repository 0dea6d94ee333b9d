using System.Text.Json;
using Lindung.Data.Entities;
using Lindung.Features.Api;

namespace Lindung.Features.Imports;

/// <summary>One issue as the caller reads it: the message in their language, the stable code beside it.</summary>
internal sealed record ImportIssueDto(int Row, string Column, string Code, string Message);

internal sealed record ImportCountsDto(bool Committed, int RowsValid, int RowsInvalid, int Inserted, int Updated, int Unchanged, int Ended);

internal sealed record ImportErrorDto(string Code, string Message);

/// <summary>
/// The plan a job waits on: confirm it by posting its <paramref name="Fingerprint"/> to
/// <c>/confirm</c>; <paramref name="NeedsForce"/> asks for the second, named confirmation too.
/// </summary>
internal sealed record ImportPlanDto(
    string Fingerprint, PlanState State, RosterMode RosterMode, int Inserted, int Updated, int Unchanged, int Ended, int ActiveBefore,
    int EndLimitPercent, bool NeedsForce, IReadOnlyList<PlannedEnd> EndedSample)
{
    public static ImportPlanDto? From(string? json) => StoredPlan.Load(json) is { } stored
        ? new ImportPlanDto(
            stored.Plan.Fingerprint, stored.State, stored.Plan.RosterMode, stored.Plan.Inserted, stored.Plan.Updated, stored.Plan.Unchanged,
            stored.Plan.Ended, stored.Plan.ActiveBefore, stored.Plan.EndLimitPercent, stored.Plan.NeedsForce, stored.Plan.EndedSample)
        : null;
}

/// <summary>An import job as the API and the progress poll read it.</summary>
internal sealed record ImportJobDto(
    Guid Id, ImportKind Kind, Guid? AgencyId, string FileName, CommitMode Mode, string? Sheet, ImportJobStatus Status, bool Finished,
    string? Phase, long RowsRead, long BytesRead, long TotalBytes, int? Percent, DateTime CreatedAt, DateTime? StartedAt,
    DateTime? FinishedAt, string CreatedBy, string RegionCode, ImportCountsDto? Result, IReadOnlyList<ImportIssueDto> FirstIssues,
    ImportErrorDto? Error, string? ReportCsv, string? ReportXlsx, RosterMode RosterMode, Guid? BatchId, ImportPlanDto? Plan)
{
    public static ImportJobDto From(ImportJob j, bool english)
    {
        var finished = ImportJobView.IsFinished(j.Status);
        var done = j.Status is ImportJobStatus.Succeeded or ImportJobStatus.Rejected;
        var self = $"{ApiSetup.Prefix}/imports/{j.Id}";
        return new ImportJobDto(
            j.Id, j.Kind, j.AgencyId, j.OriginalFileName, j.Mode, j.Sheet, j.Status, finished, j.Phase, j.RowsRead, j.BytesRead, j.TotalBytes,
            ImportJobView.Percent(j), j.CreatedAt, j.StartedAt, j.FinishedAt, j.CreatedBy, j.RegionCode,
            done ? new ImportCountsDto(j.Committed, j.RowsValid, j.RowsInvalid, j.Inserted, j.Updated, j.Unchanged, j.Ended) : null,
            ImportJobView.Issues(j).Select(i => new ImportIssueDto(i.Row, i.Column, i.Code, english ? i.MessageEn : i.MessageId)).ToList(),
            ImportFileErrors.Load(j.Error) is { } error ? new ImportErrorDto(error.Code, error.Message(english)) : null,
            j.ReportCsvPath is null ? null : self + "/report.csv",
            j.ReportXlsxPath is null ? null : self + "/report.xlsx",
            j.RosterMode,
            j.Committed ? j.BatchId : null,
            j.Status == ImportJobStatus.AwaitingConfirmation ? ImportPlanDto.From(j.Plan) : null);
    }
}

/// <summary>What pages and the API both derive from a job row.</summary>
internal static class ImportJobView
{
    /// <summary>How many issues a job row keeps for the summary; the report has every one.</summary>
    public const int IssuesShown = 20;

    public static bool IsFinished(ImportJobStatus status) =>
        status is not (ImportJobStatus.AwaitingMapping or ImportJobStatus.Queued or ImportJobStatus.Running);

    /// <summary>Share of the file's bytes read, 0–100; null before the runner has said how large the file is.</summary>
    public static int? Percent(ImportJob job) =>
        job.Status is ImportJobStatus.Succeeded or ImportJobStatus.Rejected or ImportJobStatus.AwaitingConfirmation ? 100
        : job.TotalBytes > 0 ? (int)Math.Clamp(100 * job.BytesRead / job.TotalBytes, 0, 100)
        : null;

    public static IReadOnlyList<RowIssue> Issues(ImportJob job) =>
        job.FirstIssues is null ? [] : JsonSerializer.Deserialize<List<RowIssue>>(job.FirstIssues) ?? [];
}
