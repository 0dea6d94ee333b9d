using System.IO.Compression;
using System.Text.Json;
using Lindung.Application;
using Lindung.Data;
using Lindung.Hosting;
using Microsoft.Data.Sqlite;

namespace Lindung.Features.Backup;

/// <summary>What a backup wrote: the archive, its database kind and how many data-folder files it holds.</summary>
internal sealed record BackupWritten(string Path, DatabaseProvider Provider, int Files, long Bytes);

/// <summary>
/// Writes one archive that restores the whole installation: the database (SQLite's online backup,
/// consistent while the server keeps writing; or pg_dump for PostgreSQL) and every file of the data
/// folder — the keys that sign cookies and protect API keys, the stored uploads and import reports,
/// rate overrides. Each entry is streamed and hashed into the manifest, so memory stays flat
/// whatever the database's size. The archive is created 0600: it holds every NIK and wage.
/// </summary>
internal sealed class CreateBackup(TimeProvider clock)
{
    public async Task<UseCaseResult<BackupWritten>> HandleAsync(string dataDirectory, DatabaseSettings database, string outputPath, IProgress<string>? progress, CancellationToken ct)
    {
        outputPath = Path.GetFullPath(outputPath);
        if (File.Exists(outputPath))
        {
            return BackupErrors.OutputExists(outputPath);
        }

        dataDirectory = Path.GetFullPath(dataDirectory);
        var work = PrivateFiles.CreateFolder(Path.Combine(dataDirectory, "backup-" + Guid.NewGuid().ToString("N"))).FullName;
        var written = false;
        try
        {
            progress?.Report("database");
            var dumpPath = Path.Combine(work, "database");
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                CopySqlite(database.ConnectionString, dumpPath);
            }
            else if (await PostgresTools.DumpAsync(database.ConnectionString, dumpPath, ct) is { } failed)
            {
                return failed;
            }

            var entries = new List<BackupEntry>();
            var files = 0;
            await using (var archiveFile = PrivateFiles.Create(outputPath, FileMode.CreateNew))
            await using (var zip = new ZipArchive(archiveFile, ZipArchiveMode.Create))
            {
                written = true;
                var databaseEntry = database.Provider == DatabaseProvider.Sqlite ? BackupManifest.SqliteEntry : BackupManifest.PostgresEntry;
                entries.Add(await AddAsync(zip, databaseEntry, dumpPath, ct));
                foreach (var file in DataFiles(dataDirectory, work, outputPath))
                {
                    var relative = Path.GetRelativePath(dataDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
                    progress?.Report(relative);
                    entries.Add(await AddAsync(zip, BackupManifest.FilesPrefix + relative, file, ct));
                    files++;
                }

                var manifest = new BackupManifest(BackupManifest.CurrentFormat, clock.GetUtcNow(), ProviderName(database.Provider), entries);
                await using var manifestStream = await zip.CreateEntry(BackupManifest.EntryName).OpenAsync(ct);
                await JsonSerializer.SerializeAsync(manifestStream, manifest, BackupManifest.Json, ct);
            }

            return UseCaseResult<BackupWritten>.Ok(new BackupWritten(outputPath, database.Provider, files, new FileInfo(outputPath).Length));
        }
        catch when (written)
        {
            // A half-written archive must not pass for a backup.
            File.Delete(outputPath);
            throw;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    public static string ProviderName(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";

    /// <summary>Every file of the data folder except the live SQLite files (the online backup stands for them), this backup's own work folder and the archive itself.</summary>
    private static IEnumerable<string> DataFiles(string dataDirectory, string work, string outputPath)
    {
        var live = new HashSet<string>(StringComparer.Ordinal)
        {
            DatabaseSettings.SqliteFileName,
            DatabaseSettings.SqliteFileName + "-wal",
            DatabaseSettings.SqliteFileName + "-shm",
            DatabaseSettings.SqliteFileName + "-journal",
        };
        return Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(work + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => !string.Equals(f, outputPath, StringComparison.Ordinal))
            .Where(f => Path.GetDirectoryName(f) != dataDirectory || !live.Contains(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal);
    }

    private static void CopySqlite(string connectionString, string destinationPath)
    {
        PrivateFiles.Touch(destinationPath);
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationPath, Pooling = false }.ToString());
        source.Open();
        source.BackupDatabase(destination);
    }

    private static async Task<BackupEntry> AddAsync(ZipArchive zip, string name, string path, CancellationToken ct)
    {
        await using var input = File.OpenRead(path);
        await using var output = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct);
        var (length, sha256) = await HashingCopy.CopyAsync(input, output, ct);
        return new BackupEntry(name, length, sha256);
    }
}
