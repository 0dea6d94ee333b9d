using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
/// Rows that no cached answer reads (the audit trail, written ten times a second while compliance
/// checks are answered) are written with <see cref="WriteUnversionedAsync"/>: when nothing else was
/// committed meanwhile, the version after such a save counts as the same data as the one before
/// (<see cref="IsSameData"/>), so the audit of answers does not retire the answers.
/// </summary>
internal sealed class DatabaseVersion(DatabaseSettings settings) : IDisposable
{
    /// <summary>Versions remembered as equal to an earlier one; past this the oldest are forgotten (a cache refill, never a wrong answer).</summary>
    private const int MaxEquivalences = 1_024;

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, string> _sameAsBefore = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _remembered = new();
    private SqliteConnection? _watcher;
    private SqliteCommand? _dataVersion;

    /// <summary>The version before an unversioned write under way, which readers are told until it ends.</summary>
    private string? _committing;

    public async ValueTask<string> ReadAsync(CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Sqlite ? ReadSqlite() : await ReadPostgresAsync(ct);

    /// <summary>
    /// True when the data at version <paramref name="later"/> is that at <paramref name="earlier"/>:
    /// equal versions, or only unversioned saves committed between them.
    /// </summary>
    public bool IsSameData(string earlier, string later)
    {
        var at = earlier;
        for (var step = 0; step <= MaxEquivalences; step++)
        {
            if (string.Equals(at, later, StringComparison.Ordinal))
            {
                return true;
            }

            if (!_sameAsBefore.TryGetValue(at, out var next))
            {
                return false;
            }

            at = next;
        }

        return false;
    }

    /// <summary>
    /// Runs <paramref name="write"/> (a save, an append or a bulk update on <paramref name="db"/>),
    /// which must touch only rows no versioned cache reads, in one transaction, and remembers the
    /// version after it as equal to the one before when no other transaction ended meanwhile.
    /// SQLite: under BEGIN IMMEDIATE nobody else commits, and <c>PRAGMA data_version</c> on the
    /// saving connection, which moves only for other connections' commits, shows whether anyone
    /// did before the version after was read. PostgreSQL: the only transaction that ended between
    /// the snapshots before and after is the write's own.
    /// </summary>
    public async Task WriteUnversionedAsync(LindungDbContext db, Func<CancellationToken, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                await WriteUnversionedSqliteAsync(db, write, ct);
            }
            else
            {
                await WriteUnversionedPostgresAsync(db, write, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task WriteUnversionedSqliteAsync(LindungDbContext db, Func<CancellationToken, Task> write, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // From BEGIN IMMEDIATE to the end of the commit no other connection can commit, so until
        // then the committed data is the version read here plus rows no cache reads. Readers are
        // told that version meanwhile: the watcher's value may move without a commit (the first
        // write after a checkpoint restarts the log), and a reader shown a value not yet known
        // to hold the same data would start its caches afresh. Nor do they wait for the commit,
        // which may sync the log or checkpoint it for milliseconds.
        string before;
        lock (_gate)
        {
            before = ReadSqliteLocked();
            _committing = before;
        }

        // The saving connection's value moves only for other connections' commits: equal values
        // now and after the commit prove that nobody else committed in between.
        var ownBefore = DataVersion(connection);
        try
        {
            await write(ct);
            transaction.Commit();
        }
        finally
        {
            lock (_gate)
            {
                // Another unversioned write may already hold the write lock and have set its own.
                if (ReferenceEquals(_committing, before))
                {
                    _committing = null;
                }

                var after = ReadSqliteLocked();
                if (DataVersion(connection) == ownBefore)
                {
                    Remember(before, after);
                }
            }
        }
    }

    private async Task WriteUnversionedPostgresAsync(LindungDbContext db, Func<CancellationToken, Task> write, CancellationToken ct)
    {
        var before = await ReadPostgresAsync(ct);
        ulong own;
        var savepoints = db.Database.AutoSavepointsEnabled;
        // A savepoint is a subtransaction with an id of its own, which would end between the snapshots too.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Asking for the id assigns it now; the save would have assigned it anyway.
            own = (ulong)await db.Database.SqlQueryRaw<long>("SELECT pg_current_xact_id()::text::bigint AS \"Value\"").SingleAsync(ct);
            await write(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }

        var after = await ReadPostgresAsync(ct);
        if (PostgresSnapshot.Parse(before) is { } from && PostgresSnapshot.Parse(after) is { } to
            && from.EndedBefore(to) is { } ended && ended.All(id => id == own))
        {
            Remember(before, after);
        }
    }

    private void Remember(string before, string after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return;
        }

        // The oldest links go first: caches re-label their entries as they read, so only a label
        // older than the last thousand unversioned saves loses its way (and its entries are refilled).
        _sameAsBefore[before] = after;
        _remembered.Enqueue(before);
        while (_remembered.Count > MaxEquivalences && _remembered.TryDequeue(out var oldest))
        {
            _sameAsBefore.TryRemove(oldest, out _);
        }
    }

    private static long DataVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }

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
            return _committing ?? ReadSqliteLocked();
        }
    }

    private string ReadSqliteLocked()
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

    private async Task<string> ReadPostgresAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_current_snapshot()::text", connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
