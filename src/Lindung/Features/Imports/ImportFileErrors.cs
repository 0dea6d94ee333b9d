using System.Globalization;
using System.Text.Json;
using Lindung.Domain.Validation;

namespace Lindung.Features.Imports;

/// <summary>Why an upload was refused or a job failed, in both languages; a job row keeps only the code.</summary>
internal static class ImportFileErrors
{
    public static readonly ValidationError Interrupted = new(
        "interrupted", "Impor terhenti karena aplikasi dimulai ulang; tidak ada data yang tersimpan. Unggah berkas lagi.",
        "The import stopped because the application restarted; nothing was saved. Upload the file again.");

    public static readonly ValidationError NoRunner = new(
        "no_runner", "Mesin impor belum terpasang di server ini.", "No import engine is installed on this server.");

    public static readonly ValidationError Unexpected = new(
        "unexpected", "Impor gagal karena kesalahan tak terduga; tidak ada data yang tersimpan. Hubungi admin.",
        "The import failed with an unexpected error; nothing was saved. Contact your administrator.");

    public static readonly ValidationError UploaderGone = new(
        "uploader_gone", "Pengunggah berkas ini tidak lagi terdaftar atau kunci API-nya dicabut; tidak ada data yang tersimpan.",
        "The uploader of this file no longer exists or their API key was revoked; nothing was saved.");

    public static readonly ValidationError FileRequired = new("file_required", "Pilih berkas CSV atau XLSX.", "Choose a CSV or XLSX file.");

    public static readonly ValidationError FileType = new(
        "file_type", "Hanya berkas .csv atau .xlsx yang dapat diimpor.", "Only .csv or .xlsx files can be imported.");

    public static readonly ValidationError FileEmpty = new("file_empty", "Berkas kosong atau tidak memiliki baris judul.", "The file is empty or has no header row.");

    public static readonly ValidationError FileUnreadable = new(
        "file_unreadable", "Berkas tidak dapat dibaca sebagai tabel.", "The file could not be read as a table.");

    public static ValidationError FileTooLarge(long maxBytes) =>
        Detailed("file_too_large", "Berkas melebihi batas {0} MB.", "The file exceeds the {0} MB limit.", maxBytes / (1024 * 1024));

    public static readonly ValidationError KindInvalid = new(
        "kind_invalid", "Jenis impor harus ROSTER atau MEMBERS.", "The import kind must be ROSTER or MEMBERS.");

    public static readonly ValidationError ModeInvalid = new(
        "mode_invalid", "Mode harus ALL_OR_NOTHING atau VALID_ROWS_ONLY.", "The mode must be ALL_OR_NOTHING or VALID_ROWS_ONLY.");

    public static readonly ValidationError RosterModeInvalid = new(
        "roster_mode_invalid", "Cara impor daftar harus UPDATE atau REPLACE.", "The roster mode must be UPDATE or REPLACE.");

    public static readonly ValidationError KindForbidden = new(
        "kind_forbidden", "Ekstrak kepesertaan hanya dapat diimpor oleh admin daerah atau petugas cabang.",
        "Only regional admins and branch officers can import a membership extract.");

    public static readonly ValidationError AgencyRequired = new("agency_required", "Pilih instansi/OPD pemilik daftar ini.", "Choose the agency this roster belongs to.");

    public static readonly ValidationError AgencyUnknown = new(
        "agency_unknown", "Instansi tidak ditemukan dalam wilayah Anda.", "The agency was not found within your scope.");

    public static readonly ValidationError AgencyAmbiguous = new(
        "agency_ambiguous", "Kode instansi ada di lebih dari satu wilayah; gunakan ID instansi.",
        "The agency code exists in more than one region; use the agency id.");

    public static readonly ValidationError RegionRequired = new(
        "region_required", "Pilih wilayah (kode Kemendagri) ekstrak ini.", "Choose the region (Kemendagri code) of this extract.");

    public static readonly ValidationError RegionInvalid = new(
        "region_invalid", "Kode wilayah tidak dikenal atau di luar wilayah Anda.", "The region code is unknown or outside your regions.");

    public static readonly ValidationError Busy = new(
        "queue_full", "Terlalu banyak impor dalam antrean; coba lagi sebentar lagi.", "Too many imports are queued; try again shortly.");

    public static readonly ValidationError MappingIncomplete = new(
        "mapping_incomplete", "Setiap kolom wajib harus dipasangkan dengan satu kolom berkas.", "Every required column must be matched to a column of the file.");

    public static readonly ValidationError MappingDuplicate = new(
        "mapping_duplicate", "Satu kolom berkas hanya boleh dipakai untuk satu kolom wajib.", "A column of the file can be used for one required column only.");

    /// <summary>The header lacks columns: named, with the headers the file does have.</summary>
    public static ValidationError ColumnsMissing(IEnumerable<string> columns, IEnumerable<string> header) => Detailed(
        "columns_missing",
        "Kolom wajib tidak ditemukan: {0}. Kolom berkas: {1}.",
        "Required columns not found: {0}. The file's columns: {1}.",
        string.Join(", ", columns),
        string.Join(", ", header));

    /// <summary>The runner refused the file as asked (an agency it cannot find, a column it still lacks).</summary>
    public static ValidationError Refused(string reason) =>
        Detailed("refused", "Impor ditolak, tidak ada data yang tersimpan: {0}", "The import was refused and nothing was saved: {0}", reason);

    /// <summary>The longest error a job row keeps (its column's length).</summary>
    public const int StoredLength = 1000;

    /// <summary>
    /// What a job row keeps: the code of a fixed error, or the whole error as JSON when it carries details.
    /// Long details (a reason quoting a file) are shortened inside the messages, so the JSON stays whole
    /// and within <see cref="StoredLength"/> — cutting the JSON itself would leave it unreadable.
    /// </summary>
    public static string Store(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Fixed.Any(e => e.Code == error.Code))
        {
            return error.Code;
        }

        var json = JsonSerializer.Serialize(error);
        for (var keep = Math.Max(error.MessageId.Length, error.MessageEn.Length); json.Length > StoredLength && keep > 0; keep = keep * 3 / 4)
        {
            json = JsonSerializer.Serialize(error with { MessageId = Clip(error.MessageId, keep), MessageEn = Clip(error.MessageEn, keep) });
        }

        return json;
    }

    /// <summary>The error a job row kept; a row that cannot be read (written before errors were kept whole) reads as <see cref="Unexpected"/>.</summary>
    public static ValidationError? Load(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        if (!stored.StartsWith('{'))
        {
            return Fixed.FirstOrDefault(e => e.Code == stored);
        }

        try
        {
            return JsonSerializer.Deserialize<ValidationError>(stored) ?? Unexpected;
        }
        catch (JsonException)
        {
            return Unexpected;
        }
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");

    /// <summary>One error whose details (a limit, column names, a reason) fill the same places in both languages.</summary>
    private static ValidationError Detailed(string code, string indonesian, string english, params object[] details) => new(
        code, string.Format(CultureInfo.InvariantCulture, indonesian, details), string.Format(CultureInfo.InvariantCulture, english, details));

    private static ValidationError[] Fixed => [Interrupted, NoRunner, Unexpected, UploaderGone];
}
