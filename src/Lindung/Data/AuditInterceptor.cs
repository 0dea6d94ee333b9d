using System.Security.Cryptography;
using System.Text.Json;
using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lindung.Data;

/// <summary>
/// Adds one <see cref="AuditEvent"/> per inserted, updated or deleted registry row to the same
/// SaveChanges, so the change and its audit commit or fail together, and refuses any change to an
/// existing audit event. Keys are generated client-side (<see cref="Guid.CreateVersion7()"/>), so
/// the key of a new row is known before it is saved. Nothing here is logged: rows hold NIKs.
/// The events of the save in flight are remembered, so they can be withdrawn when it fails; a retried
/// save then audits each change once. The actor is the one the context was handed for its scope.
/// </summary>
internal sealed class AuditInterceptor(TimeProvider clock) : SaveHooks<List<AuditEvent>>
{
    protected override List<AuditEvent>? BeforeSave(DbContext context) => AddAuditEvents(context);

    protected override void AfterSave(List<AuditEvent> state)
    {
    }

    protected override void AfterFailure(DbContext context, List<AuditEvent> state)
    {
        foreach (var audit in state)
        {
            context.Entry(audit).State = EntityState.Detached;
        }
    }

    private List<AuditEvent>? AddAuditEvents(DbContext context)
    {
        var actor = context is LindungDbContext { Actor: { } borrowed } ? borrowed.Name : SystemAuditActor.SystemName;
        context.ChangeTracker.DetectChanges();
        var at = clock.GetUtcNow().UtcDateTime;
        var events = new List<AuditEvent>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Audit events are append-only: they cannot be modified or deleted.");
                }

                continue;
            }

            if (entry.Entity is IRegionScoped scoped and not IDerivedRow and not ISelfRecordedRow && ToAction(entry.State) is { } action)
            {
                events.Add(new AuditEvent
                {
                    At = at,
                    Actor = actor,
                    Action = action,
                    EntityType = entry.Metadata.ClrType.Name,
                    EntityKey = KeyOf(entry),
                    Before = action == AuditAction.Create ? null : ToJson(entry, entry.OriginalValues),
                    After = action == AuditAction.Delete ? null : ToJson(entry, entry.CurrentValues),
                    RegionCode = scoped.RegionCode,
                });
            }
        }

        context.AddRange(events);
        return events.Count > 0 ? events : null;
    }

    private static AuditAction? ToAction(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Create,
        EntityState.Modified => AuditAction.Update,
        EntityState.Deleted => AuditAction.Delete,
        _ => null,
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.CurrentValues[p]));

    /// <summary>The row as stored: column names and provider values (enum codes, not CLR names).</summary>
    private static string ToJson(EntityEntry entry, PropertyValues values)
    {
        var row = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Metadata.GetProperties())
        {
            var value = values[property];
            var converter = property.GetTypeMapping().Converter;
            row[property.GetColumnName()] = value switch
            {
                // A stored document (a letter's PDF) is audited by its digest: the trail proves which bytes, without a copy of them.
                byte[] bytes => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)),
                not null when converter is not null => converter.ConvertToProvider(value),
                _ => value,
            };
        }

        return JsonSerializer.Serialize(row);
    }
}
