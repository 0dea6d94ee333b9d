using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using Lindung.Data;
using Lindung.Features.Demo;
using Lindung.Tests.Cli;
using Lindung.Tests.Data;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lindung.Tests.Features.Backup;

/// <summary>
/// <c>lindung backup</c> then <c>lindung restore</c> into an empty folder (and database) gives back
/// every row of every table and every file of the data folder, byte for byte; damaged, tampered or
/// misdirected restores write nothing.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly DemoOptions SmallDemo = new(AgencyWorkers: 300, Employers: 30, BpuWorkers: 30);

    private readonly TempDirectory _temp = new();

    private string Source => Path.Combine(_temp.Path, "source");

    private string Target => Path.Combine(_temp.Path, "target");

    private string Archive => Path.Combine(_temp.Path, "lindung-backup.zip");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_SQLite_installation_restores_into_an_empty_folder_row_for_row_and_file_for_file()
    {
        await SeedAsync(DatabaseSettings.Sqlite(Source));
        WriteDataFiles();

        var backup = await CliRun.ExecuteAsync("backup", "--data", Source, "--out", Archive);
        Assert.Equal(0, backup.ExitCode);
        Assert.Contains("sqlite database and 3 files", backup.Out, StringComparison.Ordinal);

        var restore = await CliRun.ExecuteAsync("restore", Archive, "--data", Target);
        Assert.True(restore.ExitCode == 0, restore.Error);

        var before = await SqliteRowsAsync(Source);
        Assert.True(before["workers"].Count >= 300, "the demo seeded workers");
        Assert.Equal(before, await SqliteRowsAsync(Target));
        AssertSameFiles(Source, Target);
    }

    [Fact]
    public async Task A_PostgreSQL_installation_restores_into_an_empty_database_row_for_row_and_file_for_file()
    {
        await using var source = await PostgresDatabase.CreateAsync();
        await using var target = await PostgresDatabase.CreateAsync();
        await SeedAsync(new DatabaseSettings(DatabaseProvider.Postgres, source.ConnectionString));
        WriteDataFiles();

        var backup = await CliRun.ExecuteAsync("backup", "--data", Source, "--db", source.ConnectionString, "--out", Archive);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("postgresql database and 3 files", backup.Out, StringComparison.Ordinal);

        var restore = await CliRun.ExecuteAsync("restore", Archive, "--data", Target, "--db", target.ConnectionString);
        Assert.True(restore.ExitCode == 0, restore.Error);

        var before = await PostgresRowsAsync(source.ConnectionString);
        Assert.True(before["public.workers"].Count >= 300, "the demo seeded workers");
        Assert.Equal(before, await PostgresRowsAsync(target.ConnectionString));
        AssertSameFiles(Source, Target);

        // A second restore into the now-filled database is refused before anything is written.
        var again = await CliRun.ExecuteAsync("restore", Archive, "--data", Path.Combine(_temp.Path, "other"), "--db", target.ConnectionString);
        Assert.Equal(2, again.ExitCode);
        Assert.StartsWith("RESTORE_DATABASE_NOT_EMPTY", again.Error.Split('\n')[^2], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "other")) && Directory.EnumerateFileSystemEntries(Path.Combine(_temp.Path, "other")).Any());
    }

    [Fact]
    public async Task A_restore_never_writes_into_a_folder_that_holds_data()
    {
        await SeedAsync(DatabaseSettings.Sqlite(Source));
        Assert.Equal(0, (await CliRun.ExecuteAsync("backup", "--data", Source, "--out", Archive)).ExitCode);
        Directory.CreateDirectory(Target);
        await File.WriteAllTextAsync(Path.Combine(Target, "keep.txt"), "mine");

        var restore = await CliRun.ExecuteAsync("restore", Archive, "--data", Target);

        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("RESTORE_TARGET_NOT_EMPTY", restore.Error, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(Target).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_backup_never_overwrites_an_existing_file()
    {
        await SeedAsync(DatabaseSettings.Sqlite(Source));
        await File.WriteAllTextAsync(Archive, "older backup");

        var backup = await CliRun.ExecuteAsync("backup", "--data", Source, "--out", Archive);

        Assert.Equal(2, backup.ExitCode);
        Assert.Contains("BACKUP_OUTPUT_EXISTS", backup.Error, StringComparison.Ordinal);
        Assert.Equal("older backup", await File.ReadAllTextAsync(Archive));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("zip-slip")]
    [InlineData("truncated")]
    public async Task A_damaged_or_tampered_archive_restores_nothing(string damage)
    {
        await SeedAsync(DatabaseSettings.Sqlite(Source));
        WriteDataFiles();
        Assert.Equal(0, (await CliRun.ExecuteAsync("backup", "--data", Source, "--out", Archive)).ExitCode);
        Damage(damage);

        var restore = await CliRun.ExecuteAsync("restore", Archive, "--data", Target);

        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("BACKUP_DAMAGED", restore.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target) && Directory.EnumerateFileSystemEntries(Target).Any(), "nothing was written");
        Assert.False(File.Exists(Path.Combine(_temp.Path, "evil.txt")));
    }

    [Fact]
    public async Task A_SQLite_backup_does_not_restore_into_PostgreSQL()
    {
        await SeedAsync(DatabaseSettings.Sqlite(Source));
        Assert.Equal(0, (await CliRun.ExecuteAsync("backup", "--data", Source, "--out", Archive)).ExitCode);

        var restore = await CliRun.ExecuteAsync("restore", Archive, "--data", Target, "--db", "Host=127.0.0.1;Database=unused");

        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("BACKUP_PROVIDER_MISMATCH", restore.Error, StringComparison.Ordinal);
    }

    private static async Task SeedAsync(DatabaseSettings settings)
    {
        await using (var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IAuditActor>(new TestAuditActor())
            .AddLindungDatabase(settings)
            .BuildServiceProvider())
        {
            await services.MigrateLindungDatabaseAsync();
        }

        var seeded = await DemoSeeder.SeedAsync(settings, new FixedClock(DemoDatabase<SqliteRegistryDatabase>.Now), SmallDemo);
        Assert.True(seeded.Seeded);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>What the data folder holds besides the database: the cookie keys, an upload and an import report.</summary>
    private void WriteDataFiles()
    {
        Directory.CreateDirectory(Path.Combine(Source, "keys"));
        Directory.CreateDirectory(Path.Combine(Source, "uploads", "job-1"));
        Directory.CreateDirectory(Path.Combine(Source, "imports", "batch-1"));
        File.WriteAllText(Path.Combine(Source, "keys", "key-1.xml"), "<key id=\"1\" />");
        File.WriteAllBytes(Path.Combine(Source, "uploads", "job-1", "roster.xlsx"), [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31))]);
        File.WriteAllText(Path.Combine(Source, "imports", "batch-1", "report.csv"), "row,field,code\n2,nik,NIK_CHECKSUM\n");
    }

    private void Damage(string damage)
    {
        if (damage == "truncated")
        {
            var bytes = File.ReadAllBytes(Archive);
            File.WriteAllBytes(Archive, bytes[..(bytes.Length / 2)]);
            return;
        }

        using var zip = ZipFile.Open(Archive, ZipArchiveMode.Update);
        if (damage == "tampered")
        {
            var entry = zip.GetEntry("files/imports/batch-1/report.csv")!;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("files/imports/batch-1/report.csv").Open());
            writer.Write("row,field,code\n2,nik,NIK_OK\n");
        }
        else
        {
            using var writer = new StreamWriter(zip.CreateEntry("files/../../evil.txt").Open());
            writer.Write("outside");
        }
    }

    private static void AssertSameFiles(string source, string target)
    {
        static IEnumerable<string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.StartsWith(DatabaseSettings.SqliteFileName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var expected = Files(source).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, Files(target));
        foreach (var file in expected)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(source, file)), File.ReadAllBytes(Path.Combine(target, file)));
        }
    }

    private static async Task<SortedDictionary<string, List<string>>> SqliteRowsAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(DatabaseSettings.Sqlite(dataDirectory).ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return await RowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", t => $"SELECT * FROM \"{t}\"");
    }

    private static async Task<SortedDictionary<string, List<string>>> PostgresRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rows = await RowsAsync(
            connection,
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
            t => $"SELECT t::text FROM {t} AS t");
        // The next id each table hands out is part of the state too.
        rows.Add("(sequences)", (await RowsAsync(connection, "SELECT 'pg_sequences'", _ => "SELECT sequencename, last_value FROM pg_sequences")).Values.Single());
        return rows;
    }

    private static async Task<SortedDictionary<string, List<string>>> RowsAsync(DbConnection connection, string tablesSql, Func<string, string> selectAll)
    {
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = tablesSql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var all = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = selectAll(table);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                }

                rows.Add(string.Join('\u001f', values));
            }

            rows.Sort(StringComparer.Ordinal);
            all.Add(table, rows);
        }

        return all;
    }
}
