using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Identifiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Data;

/// <summary>
/// The version a read cache is keyed by: equal while nothing is committed (reads leave it), different
/// after any commit from any connection.
/// </summary>
public abstract class DatabaseVersionTests(RegistryDatabase database)
{
    [Fact]
    public async Task The_version_holds_through_reads_and_moves_on_every_commit()
    {
        var version = database.Services.GetRequiredService<DatabaseVersion>();
        // PostgreSQL's snapshot covers every database of the cluster, where other test classes commit
        // meanwhile; a round with one of their commits between the reads proves nothing, so it repeats.
        var (before, afterReads) = ("", "-");
        for (var attempt = 0; attempt < 50 && before != afterReads; attempt++)
        {
            before = await version.ReadAsync(CancellationToken.None);
            _ = await database.NewContext().Workers.CountAsync();
            _ = await database.NewContext().Workers.Where(w => w.RegionCode == "35.77").ToListAsync();
            afterReads = await version.ReadAsync(CancellationToken.None);
        }

        Assert.Equal(before, afterReads);

        var seen = new HashSet<string>(StringComparer.Ordinal) { before };
        foreach (var nik in new[] { "3577010101900102", "3577010101900103" })
        {
            var db = database.NewContext();
            db.Workers.Add(NewWorker(nik));
            await db.SaveChangesAsync();
            Assert.True(seen.Add(await version.ReadAsync(CancellationToken.None)), "a commit left the version unchanged");
        }
    }

    [Fact]
    public async Task An_unversioned_save_keeps_the_data_the_same_and_any_other_commit_does_not()
    {
        var version = database.Services.GetRequiredService<DatabaseVersion>();
        // PostgreSQL's transaction ids are shared by every database of the cluster, where other test
        // classes commit meanwhile; any of their commits between the snapshots (rightly) proves nothing.
        var (before, afterAudit) = ("", "");
        for (var attempt = 0; attempt < 50 && (attempt == 0 || !version.IsSameData(before, afterAudit)); attempt++)
        {
            before = await version.ReadAsync(CancellationToken.None);
            var audit = database.NewContext();
            audit.AuditEvents.Add(NewAudit("one"));
            await version.WriteUnversionedAsync(audit, audit.SaveChangesAsync, CancellationToken.None);
            afterAudit = await version.ReadAsync(CancellationToken.None);
        }

        Assert.NotEqual(before, afterAudit);
        Assert.True(version.IsSameData(before, afterAudit), "an audit write alone retired the version");
        Assert.True(await database.NewContext().AuditEvents.AnyAsync(e => e.EntityKey == "one"));

        var db = database.NewContext();
        db.Workers.Add(NewWorker("3577010101900104"));
        await db.SaveChangesAsync();
        var afterWorker = await version.ReadAsync(CancellationToken.None);
        Assert.False(version.IsSameData(afterAudit, afterWorker), "a registry commit counted as the same data");
        Assert.False(version.IsSameData(before, afterWorker));

        // An unversioned save with another commit landing between its reads proves nothing. (SQLite
        // saves under BEGIN IMMEDIATE: no other commit can land there, the other save would wait.)
        if (database.Settings.Provider == DatabaseProvider.Sqlite)
        {
            return;
        }

        var second = database.NewContext();
        second.AuditEvents.Add(NewAudit("two"));
        second.SavingChanges += (_, _) =>
        {
            var other = database.NewContext();
            other.Workers.Add(NewWorker("3577010101900105"));
            other.SaveChanges();
        };
        await version.WriteUnversionedAsync(second, second.SaveChangesAsync, CancellationToken.None);
        Assert.False(version.IsSameData(afterWorker, await version.ReadAsync(CancellationToken.None)), "a commit beside an unversioned save went unseen");
    }

    [Fact]
    public async Task Unversioned_writes_keep_the_data_the_same_through_checkpoints_of_the_log()
    {
        var version = database.Services.GetRequiredService<DatabaseVersion>();
        var (first, last) = ("", "");
        for (var attempt = 0; attempt < 50 && (attempt == 0 || !version.IsSameData(first, last)); attempt++)
        {
            first = await version.ReadAsync(CancellationToken.None);
            for (var write = 0; write < 5; write++)
            {
                var audit = database.NewContext();
                if (database.Settings.Provider == DatabaseProvider.Sqlite)
                {
                    // A tiny page cache spills the write to the log before its commit, and the log
                    // was checkpointed after the previous write: the spill restarts the log, which
                    // moves the watcher's value before the commit, with no other commit.
                    await audit.Database.OpenConnectionAsync();
                    await audit.Database.ExecuteSqlRawAsync("PRAGMA cache_size = 2");
                }

                audit.AuditEvents.AddRange(Enumerable.Range(0, 300).Select(i => NewAudit($"checkpoint {write} {i} {Guid.NewGuid()}")));
                await version.WriteUnversionedAsync(audit, audit.SaveChangesAsync, CancellationToken.None);
                if (database.Settings.Provider == DatabaseProvider.Sqlite)
                {
                    await audit.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000");
                    await audit.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE)");
                }
            }

            last = await version.ReadAsync(CancellationToken.None);
        }

        Assert.NotEqual(first, last);
        Assert.True(version.IsSameData(first, last), "a checkpoint between audit writes retired the version");
    }

    [Fact]
    public async Task Readers_during_an_unversioned_write_are_told_the_version_before_it()
    {
        if (database.Settings.Provider != DatabaseProvider.Sqlite)
        {
            // PostgreSQL readers take a snapshot of their own; they never wait for a writer.
            return;
        }

        var version = database.Services.GetRequiredService<DatabaseVersion>();
        var audit = database.NewContext();
        // As in the checkpoint test: the write spills into a freshly checkpointed log, which moves
        // the watcher's value before the commit.
        await audit.Database.OpenConnectionAsync();
        await audit.Database.ExecuteSqlRawAsync("PRAGMA cache_size = 2");
        audit.AuditEvents.AddRange(Enumerable.Range(0, 300).Select(i => NewAudit($"warm {i} {Guid.NewGuid()}")));
        await version.WriteUnversionedAsync(audit, audit.SaveChangesAsync, CancellationToken.None);
        await audit.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE)");
        audit.AuditEvents.AddRange(Enumerable.Range(0, 300).Select(i => NewAudit($"during {i} {Guid.NewGuid()}")));
        var before = await version.ReadAsync(CancellationToken.None);
        var during = new List<string>();
        await version.WriteUnversionedAsync(audit, async ct =>
        {
            during.Add(await version.ReadAsync(ct));
            await audit.SaveChangesAsync(ct);
            // Written, not committed: a reader on another thread is still told the version before.
            during.Add(await Task.Run(async () => await version.ReadAsync(ct), ct));
        }, CancellationToken.None);
        await audit.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000");
        var after = await version.ReadAsync(CancellationToken.None);

        Assert.Equal([before, before], during);
        Assert.NotEqual(before, after);
        Assert.True(version.IsSameData(before, after));
    }

    private static AuditEvent NewAudit(string key) => new()
    {
        At = DateTime.UtcNow,
        Actor = "test",
        Action = AuditAction.Searched,
        EntityType = "VersionTest",
        EntityKey = key,
        RegionCode = "35.77",
    };

    private static Worker NewWorker(string nik) => new()
    {
        Nik = nik,
        Name = "Versi " + nik[^3..],
        BirthDate = new DateOnly(1990, 1, 1),
        Sex = Sex.P,
        RegionCode = "35.77",
    };
}

public sealed class SqliteDatabaseVersionTests(SqliteRegistryDatabase database)
    : DatabaseVersionTests(database), IClassFixture<SqliteRegistryDatabase>;

public sealed class PostgresDatabaseVersionTests(PostgresRegistryDatabase database)
    : DatabaseVersionTests(database), IClassFixture<PostgresRegistryDatabase>;
