using System.Runtime.CompilerServices;
using System.Text.Json;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Spreadsheets;
using Lindung.Features.Users;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Audit;

internal enum AuditExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// An export ready to be written: <see cref="Count"/> rows, read one by one from the database
/// as <see cref="Rows"/> is enumerated (never all at once).
/// </summary>
internal sealed record AuditExport(AuditExportFormat Format, int Count, string FileName, IAsyncEnumerable<AuditEventView> Rows);

/// <summary>
/// The audit trail as a file, with the same filters and scope as <see cref="SearchAuditTrail"/>.
/// The export is itself audited before a row leaves: an <see cref="AuditAction.Exported"/> event
/// names who exported, the filters, the format and the row count. The rows are fixed when the
/// export starts (events up to the newest one counted), so the count recorded is the count written,
/// and the export's own event is not in it. Full NIKs appear only for roles that see them on a
/// worker's page; an auditor's file masks them (<see cref="PersonalDataPolicy.ForAuditTrail"/>).
/// </summary>
internal sealed class ExportAuditTrail(LindungDbContext db, IAuditActor actor, TimeProvider clock)
{
    /// <summary>The entity type and key of an export's own audit event.</summary>
    public const string EntityType = nameof(AuditEvent);
    public const string EntityKey = "export";

    public async Task<UseCaseResult<AuditExport>> HandleAsync(AuditTrailFilter filter, string? format, AccessScope scope, CancellationToken ct)
    {
        var errors = new List<UseCaseError>();
        var criteria = SearchAuditTrail.Check(filter, errors);
        var kind = format?.Trim().ToUpperInvariant() switch
        {
            null or "" or "CSV" => AuditExportFormat.Csv,
            "XLSX" => AuditExportFormat.Xlsx,
            _ => (AuditExportFormat?)null,
        };
        if (kind is null)
        {
            errors.Add(AuditErrors.FormatInvalid);
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<AuditExport>.Refused([.. errors]);
        }

        var matching = SearchAuditTrail.Query(db, criteria!, scope);
        var ceiling = await matching.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var rows = matching.Where(e => e.Id <= ceiling);
        var count = await rows.CountAsync(ct);
        if (kind == AuditExportFormat.Xlsx && count > XlsxSheetWriter.MaxRows - 4)
        {
            return AuditErrors.TooManyRowsForXlsx;
        }

        var view = PersonalDataPolicy.ForAuditTrail(scope, export: true);
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditEvents.Add(new AuditEvent
        {
            At = now,
            Actor = actor.Name,
            Action = AuditAction.Exported,
            EntityType = EntityType,
            EntityKey = EntityKey,
            After = JsonSerializer.Serialize(new
            {
                format = kind == AuditExportFormat.Xlsx ? "xlsx" : "csv",
                rows = count,
                nik = view.Nik == NikView.Full ? "full" : "masked",
                entity = criteria!.Entity,
                entity_key = criteria.EntityKey,
                user = criteria.User,
                action = criteria.Action is { } a ? EnumCodes<AuditAction>.ToCode(a) : null,
                from = filter.From,
                to = filter.To,
                regions = scope.WholeInstallation ? null : scope.RegionCodes,
            }),
            RegionCode = scope.RegionCodes.Count > 0 ? scope.RegionCodes[0] : AddUser.InstallationWide,
        });
        await db.SaveChangesAsync(ct);

        var name = $"jejak-audit-{now:yyyyMMdd-HHmmss}." + (kind == AuditExportFormat.Xlsx ? "xlsx" : "csv");
        return UseCaseResult<AuditExport>.Ok(new AuditExport(kind!.Value, count, name, StreamAsync(rows, view, ct)));
    }

    private static async IAsyncEnumerable<AuditEventView> StreamAsync(
        IQueryable<AuditEvent> rows, PersonalDataView view, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in SearchAuditTrail.Newest(rows).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return AuditEventView.From(e, view);
        }
    }
}
