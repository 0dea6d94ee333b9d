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
        var before = await version.ReadAsync(CancellationToken.None);
        _ = await database.NewContext().Workers.CountAsync();
        _ = await database.NewContext().Workers.Where(w => w.RegionCode == "35.77").ToListAsync();
        Assert.Equal(before, await version.ReadAsync(CancellationToken.None));

        var seen = new HashSet<string>(StringComparer.Ordinal) { before };
        foreach (var nik in new[] { "3577010101900102", "3577010101900103" })
        {
            var db = database.NewContext();
            db.Workers.Add(NewWorker(nik));
            await db.SaveChangesAsync();
            Assert.True(seen.Add(await version.ReadAsync(CancellationToken.None)), "a commit left the version unchanged");
        }
    }

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
