using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>
/// The mapping screen's submit: the header cell picked for each missing column becomes the job's
/// column overrides, and the job is queued. A pick must be a cell of the header, used once.
/// </summary>
internal static class MapColumns
{
    public static async Task<Dictionary<string, ValidationError>> ApplyAsync(
        LindungDbContext db, ImportJobQueue queue, ImportJob job, IReadOnlyList<string> header, IReadOnlyDictionary<string, string?> picks,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>(StringComparer.Ordinal);
        var overrides = new Dictionary<string, string>(ImportColumns.FromJson(job.ColumnOverrides) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var column in ImportColumns.Missing(job.Kind, header, overrides))
        {
            if (picks.GetValueOrDefault(column.Name) is { Length: > 0 } cell && header.Contains(cell, StringComparer.Ordinal))
            {
                overrides[column.Name] = cell;
            }
            else
            {
                errors[column.Name] = ImportFileErrors.MappingIncomplete;
            }
        }

        if (errors.Count == 0 && overrides.Values.Distinct(StringComparer.Ordinal).Count() != overrides.Count)
        {
            errors["columns"] = ImportFileErrors.MappingDuplicate;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var json = ImportColumns.ToJson(overrides);
        var queued = await db.ImportJobs.Where(j => j.Id == job.Id && j.Status == ImportJobStatus.AwaitingMapping).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.ColumnOverrides, json).SetProperty(j => j.Status, ImportJobStatus.Queued), ct);
        if (queued == 1 && !await StartImport.EnqueueAsync(db, queue, job.Id, ct))
        {
            errors["columns"] = ImportFileErrors.Busy;
        }

        return errors;
    }
}
