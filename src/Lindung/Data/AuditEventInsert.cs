using Lindung.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Lindung.Data;

/// <summary>
/// Appends audit events without the change tracker, inside the context's open transaction: one
/// prepared insert repeated on SQLite, one binary COPY on PostgreSQL. The audit of answered checks
/// writes hundreds of rows ten times a second; through EF's change tracking and batch building that
/// was the largest single cost of a served-from-memory check (docs/PERFORMANCE.md). Values are
/// stored exactly as EF stores them (the action's code, UTC times), so EF reads them back unchanged.
/// </summary>
internal static class AuditEventInsert
{
    private const string Columns = "at, actor, action, entity_type, entity_key, before, after, region_code";

    private static readonly string[] SqliteParameters = ["$at", "$actor", "$action", "$type", "$key", "$before", "$after", "$region"];

    public static Task AppendAsync(LindungDbContext db, IReadOnlyCollection<AuditEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit events are appended inside a transaction.");
        return transaction.Connection switch
        {
            SqliteConnection sqlite => AppendSqlite(sqlite, (SqliteTransaction)transaction, events),
            NpgsqlConnection postgres => AppendPostgresAsync(postgres, events, ct),
            _ => throw new NotSupportedException(transaction.Connection?.GetType().Name),
        };
    }

    // Synchronous on purpose: SQLite has no asynchronous I/O.
    private static Task AppendSqlite(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<AuditEvent> events)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO audit_events ({Columns}) VALUES ({string.Join(", ", SqliteParameters)})";
        var parameters = SqliteParameters
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))
            .ToArray();
        command.Prepare();
        foreach (var e in events)
        {
            var values = Values(e);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    private static async Task AppendPostgresAsync(NpgsqlConnection connection, IReadOnlyCollection<AuditEvent> events, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY audit_events ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var e in events)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(Utc(e.At), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(e.Actor, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(EnumCodes<AuditAction>.ToCode(e.Action), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(e.EntityType, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(e.EntityKey, NpgsqlDbType.Varchar, ct);
            await WriteTextAsync(copy, e.Before, ct);
            await WriteTextAsync(copy, e.After, ct);
            await copy.WriteAsync(e.RegionCode, NpgsqlDbType.Varchar, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken ct)
    {
        if (text is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(text, NpgsqlDbType.Text, ct);
        }
    }

    private static object?[] Values(AuditEvent e) =>
        [Utc(e.At), e.Actor, EnumCodes<AuditAction>.ToCode(e.Action), e.EntityType, e.EntityKey, e.Before, e.After, e.RegionCode];

    // As the model's DateTime convention (ModelConventions) converts on the way in.
    private static DateTime Utc(DateTime at) => at.ToUniversalTime();
}
