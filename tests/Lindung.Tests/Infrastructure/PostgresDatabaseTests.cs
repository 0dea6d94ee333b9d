using Npgsql;

namespace Lindung.Tests.Infrastructure;

/// <summary>Proves the PostgreSQL the test script starts is there, is recent enough, and the fixture isolates it.</summary>
public sealed class PostgresDatabaseTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task FixtureDatabaseSupportsRoundTrip()
    {
        await using var connection = await database.OpenConnectionAsync();

        await using (var create = new NpgsqlCommand("CREATE TABLE smoke (id int PRIMARY KEY, name text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand("INSERT INTO smoke (id, name) VALUES ($1, $2)", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = 1 });
            insert.Parameters.Add(new NpgsqlParameter { Value = "Pekerja Bukan Penerima Upah" });
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        await using var select = new NpgsqlCommand("SELECT name FROM smoke WHERE id = 1", connection);
        Assert.Equal("Pekerja Bukan Penerima Upah", await select.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ServerIsPostgres15OrLaterAndDatabaseIsTheFixtures()
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version_num')::int, current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.True(reader.GetInt32(0) >= 150000, $"server_version_num {reader.GetInt32(0)} < 150000");
        Assert.Equal(database.Name, reader.GetString(1));
        Assert.StartsWith("lindung_test_", database.Name, StringComparison.Ordinal);
    }
}
