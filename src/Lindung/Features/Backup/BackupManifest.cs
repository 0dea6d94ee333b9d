using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lindung.Features.Backup;

/// <summary>
/// The table of contents written into every backup archive as <see cref="EntryName"/>: which
/// database the archive holds and each entry's size and SHA-256, so a restore can refuse a damaged
/// or tampered archive before it writes anything.
/// </summary>
internal sealed record BackupManifest(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("entries")] IReadOnlyList<BackupEntry> Entries)
{
    public const string EntryName = "manifest.json";

    /// <summary>Raised only when the layout changes in a way an older restore could not read.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The SQLite database file, taken with SQLite's online backup.</summary>
    public const string SqliteEntry = "database/lindung.db";

    /// <summary>The PostgreSQL database in pg_dump's custom format.</summary>
    public const string PostgresEntry = "database/lindung.pgdump";

    /// <summary>Files of the data folder (keys, uploads, import reports, rate overrides) live under this prefix.</summary>
    public const string FilesPrefix = "files/";

    /// <summary>The manifest's JSON settings, shared by the writer and the reader.</summary>
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true };
}

/// <summary>One archive entry: its name, length in bytes and lower-case hex SHA-256.</summary>
internal sealed record BackupEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("length")] long Length,
    [property: JsonPropertyName("sha256")] string Sha256);
