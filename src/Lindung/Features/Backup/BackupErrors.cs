using Lindung.Application;

namespace Lindung.Features.Backup;

/// <summary>The named reasons a backup or restore is refused, in both languages.</summary>
internal static class BackupErrors
{
    public static UseCaseError OutputExists(string path) => UseCaseError.Of(
        "BACKUP_OUTPUT_EXISTS",
        $"Berkas {path} sudah ada; pilih nama lain agar cadangan lama tidak tertimpa.",
        $"{path} already exists; choose another name so an older backup is not overwritten.",
        "out");

    public static UseCaseError ArchiveMissing(string path) => UseCaseError.Of(
        "BACKUP_NOT_FOUND", $"Berkas cadangan {path} tidak ditemukan.", $"Backup file {path} was not found.", "file");

    public static UseCaseError ArchiveDamaged(string reason) => UseCaseError.Of(
        "BACKUP_DAMAGED",
        $"Berkas cadangan rusak atau bukan cadangan Lindung ({reason}); tidak ada yang dipulihkan.",
        $"The backup file is damaged or not a Lindung backup ({reason}); nothing was restored.",
        "file");

    public static UseCaseError FormatTooNew(int format) => UseCaseError.Of(
        "BACKUP_FORMAT_UNSUPPORTED",
        $"Cadangan berformat {format} dibuat oleh versi Lindung yang lebih baru; perbarui Lindung lalu pulihkan lagi.",
        $"The backup has format {format}, written by a newer Lindung; update Lindung and restore again.",
        "file");

    public static UseCaseError ProviderMismatch(string archive, string target) => UseCaseError.Of(
        "BACKUP_PROVIDER_MISMATCH",
        $"Cadangan ini berisi basis data {archive}, sedangkan tujuan pemulihan adalah {target}.",
        $"This backup holds a {archive} database but the restore target is {target}.",
        "db");

    public static UseCaseError TargetNotEmpty(string path) => UseCaseError.Of(
        "RESTORE_TARGET_NOT_EMPTY",
        $"Folder data {path} tidak kosong; pemulihan hanya ke folder kosong agar tidak ada data yang hilang.",
        $"The data folder {path} is not empty; a restore only writes into an empty folder so nothing stored is lost.",
        "data");

    public static UseCaseError DatabaseNotEmpty() => UseCaseError.Of(
        "RESTORE_DATABASE_NOT_EMPTY",
        "Basis data PostgreSQL tujuan sudah berisi tabel; pulihkan ke basis data kosong.",
        "The target PostgreSQL database already has tables; restore into an empty database.",
        "db");

    public static UseCaseError ToolMissing(string tool) => UseCaseError.Of(
        "BACKUP_TOOL_MISSING",
        $"Program {tool} tidak ditemukan; pasang klien PostgreSQL (versi yang sama atau lebih baru dari servernya).",
        $"{tool} was not found; install the PostgreSQL client (the server's version or newer).");

    public static UseCaseError ToolFailed(string tool, int exitCode, string message) => UseCaseError.Of(
        "BACKUP_TOOL_FAILED",
        $"{tool} berhenti dengan kode {exitCode}: {message}",
        $"{tool} exited with code {exitCode}: {message}");
}
