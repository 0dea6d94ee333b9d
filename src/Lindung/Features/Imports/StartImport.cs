using System.Globalization;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Admin;
using Lindung.Features.Agencies;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>
/// What an uploader chose beside the file. <paramref name="Agency"/> is an agency id or code;
/// <paramref name="Columns"/> maps canonical columns to header cells (the API's way to map).
/// </summary>
internal sealed record ImportChoice(
    string? Kind, string? Agency, string? Mode, string? Sheet, string? Region, IReadOnlyDictionary<string, string>? Columns = null, string? RosterMode = null);

/// <summary>
/// Turns a stored upload into a job: checks who may import what for which agency or region, reads
/// the header, and queues the job, or (on the web) parks it for the mapping screen when the header
/// lacks a required column. Refused uploads are deleted.
/// </summary>
internal static class StartImport
{
    public static async Task<(ImportJob? Job, Dictionary<string, ValidationError> Errors)> CreateAsync(
        LindungDbContext db, ImportJobQueue queue, AccessScope scope, ImportChoice choice, SavedUpload upload,
        string dataDirectory, bool allowMapping, TableLimits limits, DateTime now, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>(StringComparer.Ordinal);
        ImportJob? job = null;
        try
        {
            job = await BuildAsync(db, scope, choice, upload, dataDirectory, allowMapping, limits, now, errors, ct);
            if (job is not null)
            {
                db.ImportJobs.Add(job);
                await db.SaveChangesAsync(ct);
            }
        }
        finally
        {
            // No job row holds the file (refused, or a failure on the way): it must not linger on disk.
            if (job is null || db.Entry(job).State != EntityState.Unchanged)
            {
                ImportFiles.TryDelete(ImportFiles.Full(dataDirectory, upload.StoredPath));
            }
        }

        if (job is null)
        {
            return (null, errors);
        }

        if (job.Status == ImportJobStatus.Queued && !await EnqueueAsync(db, queue, job.Id, ct))
        {
            errors["file"] = ImportFileErrors.Busy;
            return (null, errors);
        }

        return (job, errors);
    }

    /// <summary>Queues a job the row already says is Queued; when the queue is full the job is cancelled and false returned.</summary>
    public static async Task<bool> EnqueueAsync(LindungDbContext db, ImportJobQueue queue, Guid jobId, CancellationToken ct)
    {
        if (queue.TryEnqueue(jobId))
        {
            return true;
        }

        await db.ImportJobs.Where(j => j.Id == jobId && j.Status == ImportJobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Cancelled), ct);
        return false;
    }

    private static async Task<ImportJob?> BuildAsync(
        LindungDbContext db, AccessScope scope, ImportChoice choice, SavedUpload upload, string dataDirectory, bool allowMapping,
        TableLimits limits, DateTime now, Dictionary<string, ValidationError> errors, CancellationToken ct)
    {
        var kind = ParseEnum(choice.Kind, ImportKind.Roster);
        var mode = ParseEnum(choice.Mode, CommitMode.AllOrNothing);
        var rosterMode = ParseEnum(choice.RosterMode, RosterMode.Update);
        if (kind is null)
        {
            errors["kind"] = ImportFileErrors.KindInvalid;
        }

        if (rosterMode is null)
        {
            errors["roster_mode"] = ImportFileErrors.RosterModeInvalid;
        }

        if (mode is null)
        {
            errors["mode"] = ImportFileErrors.ModeInvalid;
        }

        if (kind is null || mode is null || rosterMode is null)
        {
            return null;
        }

        var (agency, region) = await TargetAsync(db, scope, kind.Value, choice, errors, ct);
        if (errors.Count > 0)
        {
            return null;
        }

        var overrides = choice.Columns?.Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var sheet = string.IsNullOrWhiteSpace(choice.Sheet) ? null : choice.Sheet.Trim();
        var missing = MissingColumns(kind.Value, ImportFiles.Full(dataDirectory, upload.StoredPath), upload.OriginalFileName, sheet, overrides, limits, errors);
        if (missing is null || (missing.Count > 0 && !allowMapping))
        {
            return null;
        }

        errors.Remove("columns");

        return new ImportJob
        {
            Id = upload.JobId,
            Kind = kind.Value,
            AgencyId = agency?.Id,
            OriginalFileName = upload.OriginalFileName,
            StoredPath = upload.StoredPath,
            Mode = mode.Value,
            RosterMode = kind == ImportKind.Roster ? rosterMode.Value : RosterMode.Update,
            Sheet = sheet,
            ColumnOverrides = ImportColumns.ToJson(overrides),
            Status = missing.Count == 0 ? ImportJobStatus.Queued : ImportJobStatus.AwaitingMapping,
            TotalBytes = upload.Length,
            CreatedAt = now,
            CreatedBy = scope.UserName,
            RegionCode = region!,
        };
    }

    /// <summary>The agency (always, for a roster) and the region the job belongs to.</summary>
    private static async Task<(Agency? Agency, string? Region)> TargetAsync(
        LindungDbContext db, AccessScope scope, ImportKind kind, ImportChoice choice, Dictionary<string, ValidationError> errors, CancellationToken ct)
    {
        if (kind == ImportKind.Members && !scope.SeesRegion)
        {
            errors["kind"] = ImportFileErrors.KindForbidden;
            return (null, null);
        }

        var agencyInput = choice.Agency?.Trim();
        if (string.IsNullOrEmpty(agencyInput) && kind == ImportKind.Roster && scope.OperatesAgency)
        {
            agencyInput = scope.AgencyId!.Value.ToString("D", CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(agencyInput))
        {
            var agencies = db.AgenciesFor(scope);
            var match = Guid.TryParse(agencyInput, out var id)
                ? new AgencyMatch(await agencies.FirstOrDefaultAsync(a => a.Id == id, ct), Ambiguous: false)
                : await AgencyLookup.ByCodeAsync(agencies, agencyInput, null, ct);
            if (match.Agency is not { } found)
            {
                errors["agency"] = match.Ambiguous ? ImportFileErrors.AgencyAmbiguous : ImportFileErrors.AgencyUnknown;
                return (null, null);
            }

            return (found, found.RegionCode);
        }

        if (kind == ImportKind.Roster)
        {
            errors["agency"] = ImportFileErrors.AgencyRequired;
            return (null, null);
        }

        if (!string.IsNullOrWhiteSpace(choice.Region))
        {
            var region = AdminRegions.Validate(choice.Region, scope, out _);
            if (region is null)
            {
                errors["region"] = ImportFileErrors.RegionInvalid;
            }

            return (null, region);
        }

        if (scope.RegionCodes.Count == 1)
        {
            return (null, scope.RegionCodes[0]);
        }

        errors["region"] = ImportFileErrors.RegionRequired;
        return (null, null);
    }

    /// <summary>Required columns the header lacks after the caller's picks; null (with an error) when the file cannot be read.</summary>
    private static List<string>? MissingColumns(
        ImportKind kind, string path, string originalFileName, string? sheet, Dictionary<string, string>? overrides, TableLimits limits,
        Dictionary<string, ValidationError> errors)
    {
        IReadOnlyList<string> header;
        try
        {
            // The import's own opener and limits: every failure to read arrives as a TableFileException with its code.
            header = ImportTable.Peek(path, sheet, limits, rows: 0).Header;
        }
        catch (TableFileException exception)
        {
            errors["file"] = exception.ErrorFor(path, originalFileName);
            return null;
        }

        if (header.All(string.IsNullOrWhiteSpace))
        {
            errors["file"] = ImportFileErrors.FileEmpty;
            return null;
        }

        var missing = ImportColumns.Missing(kind, header, overrides).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            errors["columns"] = ImportFileErrors.ColumnsMissing(missing, header);
        }

        return missing;
    }

    /// <summary>An enum by name or DOMAIN code (<c>VALID_ROWS_ONLY</c>, <c>ValidRowsOnly</c>); the default when blank; null when unknown.</summary>
    private static TEnum? ParseEnum<TEnum>(string? input, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return fallback;
        }

        return EnumCodes<TEnum>.ParseName(input);
    }
}
