using System.IO.Compression;
using System.Text.Json;
using Lindung.Application;
using Lindung.Data;
using Lindung.Hosting;

namespace Lindung.Features.Backup;

/// <summary>What a restore wrote: the database kind and how many data-folder files came back.</summary>
internal sealed record BackupRestored(DatabaseProvider Provider, int Files, DateTimeOffset CreatedAt);

/// <summary>
/// Restores a <see cref="CreateBackup"/> archive into an empty data folder (and, for PostgreSQL, an
/// empty database). Nothing is written until the whole archive has been checked against its
/// manifest — every entry present, of its length and SHA-256, every name inside the archive's two
/// folders — and a restore that fails half-way removes what it wrote, so the target is either the
/// backup's installation or as empty as it was. It never writes over data: a non-empty folder or
/// database is refused.
/// </summary>
internal static class RestoreBackup
{
    public static async Task<UseCaseResult<BackupRestored>> HandleAsync(string archivePath, string dataDirectory, DatabaseSettings database, IProgress<string>? progress, CancellationToken ct)
    {
        archivePath = Path.GetFullPath(archivePath);
        dataDirectory = Path.GetFullPath(dataDirectory);
        if (!File.Exists(archivePath))
        {
            return BackupErrors.ArchiveMissing(archivePath);
        }

        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            return BackupErrors.TargetNotEmpty(dataDirectory);
        }

        var file = File.OpenRead(archivePath);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            await file.DisposeAsync();
            return BackupErrors.ArchiveDamaged(ex.Message);
        }

        using (zip)
        {
            progress?.Report("verify");
            var checkedManifest = await VerifyAsync(zip, ct);
            if (!checkedManifest.Succeeded)
            {
                return UseCaseResult<BackupRestored>.Refused([.. checkedManifest.Errors]);
            }

            var manifest = checkedManifest.Value;
            var target = CreateBackup.ProviderName(database.Provider);
            if (manifest.Provider != target)
            {
                return BackupErrors.ProviderMismatch(manifest.Provider, target);
            }

            if (database.Provider == DatabaseProvider.Postgres && await PostgresTools.HasTablesAsync(database.ConnectionString, ct))
            {
                return BackupErrors.DatabaseNotEmpty();
            }

            PrivateFiles.CreateFolder(dataDirectory);
            try
            {
                var refused = await WriteAsync(zip, manifest, dataDirectory, database, progress, ct);
                if (refused is not null)
                {
                    Empty(dataDirectory);
                    return refused;
                }
            }
            catch
            {
                Empty(dataDirectory);
                throw;
            }

            var files = manifest.Entries.Count(e => e.Name.StartsWith(BackupManifest.FilesPrefix, StringComparison.Ordinal));
            return UseCaseResult<BackupRestored>.Ok(new BackupRestored(database.Provider, files, manifest.CreatedAt));
        }
    }

    private static async Task<UseCaseResult<BackupManifest>> VerifyAsync(ZipArchive zip, CancellationToken ct)
    {
        if (zip.GetEntry(BackupManifest.EntryName) is not { } manifestEntry)
        {
            return BackupErrors.ArchiveDamaged("no " + BackupManifest.EntryName);
        }

        BackupManifest? manifest;
        try
        {
            await using var stream = await manifestEntry.OpenAsync(ct);
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupManifest.Json, ct);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            return BackupErrors.ArchiveDamaged(BackupManifest.EntryName + ": " + ex.Message);
        }

        if (manifest?.Entries is null)
        {
            return BackupErrors.ArchiveDamaged(BackupManifest.EntryName + " is empty");
        }

        if (manifest.Format > BackupManifest.CurrentFormat)
        {
            return BackupErrors.FormatTooNew(manifest.Format);
        }

        var listed = manifest.Entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        if (zip.Entries.FirstOrDefault(e => e.FullName != BackupManifest.EntryName && !listed.Contains(e.FullName)) is { } stray)
        {
            return BackupErrors.ArchiveDamaged("unlisted entry " + stray.FullName);
        }

        if (manifest.Entries.Count(e => IsDatabase(e.Name)) != 1)
        {
            return BackupErrors.ArchiveDamaged("not exactly one database");
        }

        foreach (var entry in manifest.Entries)
        {
            if (!IsDatabase(entry.Name) && RelativeFile(entry.Name) is null)
            {
                return BackupErrors.ArchiveDamaged("unsafe entry name " + entry.Name);
            }

            if (zip.GetEntry(entry.Name) is not { } zipEntry)
            {
                return BackupErrors.ArchiveDamaged("missing " + entry.Name);
            }

            try
            {
                await using var stream = await zipEntry.OpenAsync(ct);
                var (length, sha256) = await HashingCopy.CopyAsync(stream, null, ct);
                if (length != entry.Length || sha256 != entry.Sha256)
                {
                    return BackupErrors.ArchiveDamaged("checksum of " + entry.Name);
                }
            }
            catch (InvalidDataException ex)
            {
                return BackupErrors.ArchiveDamaged(entry.Name + ": " + ex.Message);
            }
        }

        return UseCaseResult<BackupManifest>.Ok(manifest);
    }

    private static async Task<UseCaseResult<BackupRestored>?> WriteAsync(
        ZipArchive zip, BackupManifest manifest, string dataDirectory, DatabaseSettings database, IProgress<string>? progress, CancellationToken ct)
    {
        foreach (var entry in manifest.Entries.Where(e => !IsDatabase(e.Name)))
        {
            var relative = RelativeFile(entry.Name)!;
            progress?.Report(relative);
            var path = Path.Combine(dataDirectory, relative);
            PrivateFiles.CreateFolder(Path.GetDirectoryName(path)!);
            await ExtractAsync(zip.GetEntry(entry.Name)!, path, ct);
        }

        progress?.Report("database");
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await ExtractAsync(zip.GetEntry(BackupManifest.SqliteEntry)!, Path.Combine(dataDirectory, DatabaseSettings.SqliteFileName), ct);
            return null;
        }

        var dump = Path.Combine(dataDirectory, "restore-" + Guid.NewGuid().ToString("N") + ".pgdump");
        try
        {
            await ExtractAsync(zip.GetEntry(BackupManifest.PostgresEntry)!, dump, ct);
            return await PostgresTools.RestoreAsync(database.ConnectionString, dump, ct) is { } failed
                ? UseCaseResult<BackupRestored>.Refused(failed)
                : null;
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static bool IsDatabase(string name) => name is BackupManifest.SqliteEntry or BackupManifest.PostgresEntry;

    /// <summary>The entry's path inside the data folder, or null when it would leave it (zip slip) or is not a plain relative file name.</summary>
    private static string? RelativeFile(string name)
    {
        if (!name.StartsWith(BackupManifest.FilesPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = name[BackupManifest.FilesPrefix.Length..].Split('/');
        return segments.Any(s => s.Length == 0 || s is "." or ".." || s.Contains('\\', StringComparison.Ordinal) || s.Contains(':', StringComparison.Ordinal))
            ? null
            : Path.Combine(segments);
    }

    private static async Task ExtractAsync(ZipArchiveEntry entry, string path, CancellationToken ct)
    {
        await using var input = await entry.OpenAsync(ct);
        await using var output = PrivateFiles.Create(path, FileMode.CreateNew);
        await input.CopyToAsync(output, ct);
    }

    /// <summary>Takes the folder back to empty: it was empty before this restore wrote into it.</summary>
    private static void Empty(string dataDirectory)
    {
        foreach (var entry in new DirectoryInfo(dataDirectory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
