using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lindung.Features.Imports;

/// <summary>
/// SQLite: rows go into a TEMP table (kept out of the database file) through one prepared INSERT
/// reused for every row, all inside the caller's transaction. Ids and dates are written as EF
/// writes them: upper-case GUID text and ISO dates.
/// </summary>
internal sealed class SqliteImportStore(DbConnection connection, DbTransaction transaction, int chunkRows, bool newRowsDirect)
    : ImportStore(connection, transaction, chunkRows, newRowsDirect)
{
    protected override string TempSchema => "temp";

    /// <summary>
    /// A larger page cache for the staging table and the merge's index lookups (64 MB each, this
    /// connection only); the default 2 MB makes the merge re-read the same pages from disk. The temp
    /// cache holds a whole chunk of staged rows, so they never reach the temp file; temp_store
    /// itself cannot change inside the caller's transaction once the connection has had temp tables.
    /// </summary>
    public const string CacheSql = "PRAGMA main.cache_size = -65536; PRAGMA temp.cache_size = -65536";

    protected override Task PrepareSessionAsync(CancellationToken cancellationToken) => ExecuteAsync(CacheSql, cancellationToken);

    protected override Task<IStagingWriter> OpenWriterAsync(string table, IReadOnlyList<StagingColumn> columns, CancellationToken cancellationToken)
    {
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        return Task.FromResult<IStagingWriter>(new Writer(((SqliteConnection)Connection).Handle!, insert));
    }

    /// <summary>Runs a prepared statement once and resets it for the next row's values.</summary>
    internal static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        var done = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (done != raw.SQLITE_DONE)
        {
            Check(db, done);
        }
    }

    internal static void Check(sqlite3 db, int code)
    {
        if (code != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), code);
        }
    }

    protected override Task ClearAsync(string table, CancellationToken cancellationToken) => ExecuteAsync($"DELETE FROM {table}", cancellationToken);

    protected override object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        Guid or DateOnly => SqliteText.ToText(value),
        DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => value,
    };

    protected override string TypeName(StagingType type) => type == StagingType.Integer ? "INTEGER" : "TEXT";

    /// <summary>
    /// One statement prepared on the connection's own handle, so it runs inside the caller's
    /// transaction, with every value bound by position and type: the ADO.NET command would look each
    /// parameter up by name and build a data reader for every row, several times the insert's own cost.
    /// </summary>
    private sealed class Writer : IStagingWriter
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _insert;

        public Writer(sqlite3 db, string sql)
        {
            _db = db;
            Check(db, raw.sqlite3_prepare_v2(db, sql, out _insert));
        }

        public Task AddAsync(object?[] values, CancellationToken cancellationToken)
        {
            for (var i = 0; i < values.Length; i++)
            {
                Check(_db, Bind(i + 1, values[i]));
            }

            // Synchronous on purpose: SQLite has no asynchronous I/O.
            Step(_db, _insert);

            return Task.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            _insert.Dispose();
            return ValueTask.CompletedTask;
        }

        private int Bind(int index, object? value)
        {
            Span<byte> text = stackalloc byte[SqliteText.MaxLength];
            switch (value)
            {
                case null:
                    return raw.sqlite3_bind_null(_insert, index);
                case int number:
                    return raw.sqlite3_bind_int64(_insert, index, number);
                case long number:
                    return raw.sqlite3_bind_int64(_insert, index, number);
                case string written:
                    return raw.sqlite3_bind_text(_insert, index, written);
                case Guid or DateOnly:
                    return raw.sqlite3_bind_text(_insert, index, SqliteText.Write(value, text));
                default:
                    throw new ArgumentException($"A staging value of type {value.GetType().Name} has no SQLite binding.", nameof(value));
            }
        }
    }
}
