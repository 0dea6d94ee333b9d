using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lindung.Data;

/// <summary>
/// A token that changes whenever any connection, in this process or another (a CLI import, a second
/// app server), commits a change to the database, and stays equal while nothing is committed. A
/// cache keyed by it (<see cref="VersionedCache{TKey, TValue}"/>) can never serve what a commit
/// has since changed, with no invalidation to forget.
/// <list type="bullet">
/// <item>SQLite: <c>PRAGMA data_version</c> on a connection of its own that never writes; SQLite
/// changes the value for that connection whenever another connection commits.</item>
/// <item>PostgreSQL: <c>pg_current_snapshot()</c>, the set of transactions committed so far
/// (every transaction below xmax except those still running): a commit either leaves the
/// running list or moves xmax, so equal snapshots mean equal committed data.</item>
/// </list>
/// </summary>
internal sealed class DatabaseVersion(DatabaseSettings settings) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _watcher;
    private SqliteCommand? _dataVersion;

    public async ValueTask<string> ReadAsync(CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Sqlite ? ReadSqlite() : await ReadPostgresAsync(ct);

    public void Dispose()
    {
        lock (_gate)
        {
            _dataVersion?.Dispose();
            _watcher?.Dispose();
            _dataVersion = null;
            _watcher = null;
        }
    }

    // One prepared statement on one open connection, read under a lock: the pragma reads a counter
    // in the database header, microseconds, so a lock costs less than a pool would.
    private string ReadSqlite()
    {
        lock (_gate)
        {
            if (_dataVersion is null)
            {
                _watcher = new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ToString());
                _watcher.Open();
                _dataVersion = _watcher.CreateCommand();
                _dataVersion.CommandText = "PRAGMA data_version";
                _dataVersion.Prepare();
            }

            return Convert.ToString(_dataVersion.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
        }
    }

    private async Task<string> ReadPostgresAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_current_snapshot()::text", connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
