using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Lindung.Features.Imports;

/// <summary>
/// SQLite: rows go into a TEMP table (kept out of the database file) through one prepared INSERT
/// reused for every row, all inside the caller's transaction. Ids and dates are written as EF
/// writes them: upper-case GUID text and ISO dates.
/// </summary>
internal sealed class SqliteImportStore(DbConnection connection, DbTransaction transaction) : ImportStore(connection, transaction)
{
    public override async Task<IStagingWriter> BeginStagingAsync(ImportKind kind, CancellationToken cancellationToken)
    {
        // A larger page cache for the staging table and the merge's index lookups (64 MB each, this
        // connection only); the default 2 MB makes the merge re-read the same pages from disk.
        await using (var cache = Command("PRAGMA main.cache_size = -65536; PRAGMA temp.cache_size = -65536"))
        {
            await cache.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var drop = Command($"DROP TABLE IF EXISTS {TempSchema}.{ImportStaging.Table(kind)}"))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = Command(ImportStaging.CreateTable(kind, TypeName, string.Empty)))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var loaded = ImportStaging.Columns(kind).Where(c => c.Loaded).ToList();
        var insert = (SqliteCommand)Command(
            $"INSERT INTO {ImportStaging.Table(kind)} ({string.Join(", ", loaded.Select(c => c.Name))}) VALUES ({string.Join(", ", loaded.Select((_, i) => $"$p{i}"))})");
        for (var i = 0; i < loaded.Count; i++)
        {
            insert.Parameters.Add(new SqliteParameter(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), null));
        }

        insert.Prepare();
        return new Writer(insert);
    }

    protected override string TempSchema => "temp";

    protected override object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        Guid id => id.ToString().ToUpperInvariant(),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string TypeName(StagingType type) => type == StagingType.Integer ? "INTEGER" : "TEXT";

    private sealed class Writer(SqliteCommand insert) : IStagingWriter
    {
        public Task AddAsync(object?[] values, CancellationToken cancellationToken)
        {
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    Guid id => id.ToString().ToUpperInvariant(),
                    DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    var other => other,
                };
            }

            // Synchronous on purpose: SQLite has no asynchronous I/O, the async API only adds overhead per row.
            insert.ExecuteNonQuery();
            return Task.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => insert.DisposeAsync();
    }
}
