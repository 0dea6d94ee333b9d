using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Lindung.Features.Imports;

/// <summary>
/// SQLite: rows go into a TEMP table (kept out of the database file) through one prepared INSERT
/// reused for every row, all inside the caller's transaction. Ids and dates are written as EF
/// writes them: upper-case GUID text and ISO dates.
/// </summary>
internal sealed class SqliteImportStore(DbConnection connection, DbTransaction transaction, int chunkRows) : ImportStore(connection, transaction, chunkRows)
{
    protected override string TempSchema => "temp";

    protected override Task PrepareSessionAsync(CancellationToken cancellationToken) =>
        // A larger page cache for the staging table and the merge's index lookups (64 MB each, this
        // connection only); the default 2 MB makes the merge re-read the same pages from disk.
        ExecuteAsync("PRAGMA main.cache_size = -65536; PRAGMA temp.cache_size = -65536", cancellationToken);

    protected override Task<IStagingWriter> OpenWriterAsync(
        string table, IReadOnlyList<StagingColumn> columns, Func<CancellationToken, Task>? chunk, CancellationToken cancellationToken)
    {
        var insert = (SqliteCommand)Command(
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})");
        for (var i = 0; i < columns.Count; i++)
        {
            insert.Parameters.Add(new SqliteParameter(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), null));
        }

        insert.Prepare();
        return Task.FromResult<IStagingWriter>(new Writer(insert, chunk, ChunkRows));
    }

    protected override Task ClearAsync(string table, CancellationToken cancellationToken) => ExecuteAsync($"DELETE FROM {table}", cancellationToken);

    protected override object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        Guid id => id.ToString().ToUpperInvariant(),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => value,
    };

    protected override string TypeName(StagingType type) => type == StagingType.Integer ? "INTEGER" : "TEXT";

    private sealed class Writer(SqliteCommand insert, Func<CancellationToken, Task>? chunk, int chunkRows) : IStagingWriter
    {
        private int _rows;

        public async Task AddAsync(object?[] values, CancellationToken cancellationToken)
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
            if (chunk is not null && ++_rows == chunkRows)
            {
                _rows = 0;
                await chunk(cancellationToken);
            }
        }

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            if (chunk is not null && _rows > 0)
            {
                _rows = 0;
                await chunk(cancellationToken);
            }
        }

        public ValueTask DisposeAsync() => insert.DisposeAsync();
    }
}
