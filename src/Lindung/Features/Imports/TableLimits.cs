using System.Globalization;
using Lindung.Domain.Validation;

namespace Lindung.Features.Imports;

/// <summary>
/// How much of a file an import reads before refusing it, from the <c>Imports:Limits</c>
/// configuration section. Every limit is checked while the file streams, so a small file that
/// unpacks into gigabytes (a zip bomb, one huge shared string, a cell in column ZZZ of row two
/// million) is refused after reading no more than the limit, never after loading it whole. The
/// defaults keep any upload of up to 10 MB within about 512 MB of memory.
/// </summary>
internal sealed class TableLimits
{
    public const string Section = "Imports:Limits";

    /// <summary>Defaults for callers without configuration (the command line, tests).</summary>
    public static TableLimits Default { get; } = new();

    /// <summary>The largest uncompressed part of an XLSX package (a sheet, the shared strings), in bytes.</summary>
    public long MaxPartBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Characters in all shared strings of a workbook together (they are held for the whole read);
    /// each string also counts <see cref="SharedStringOverhead"/> for its slot.
    /// </summary>
    public long MaxSharedStringChars { get; set; } = 50_000_000;

    /// <summary>The longest cell, in characters (Excel's own limit is 32,767).</summary>
    public int MaxCellChars { get; set; } = 32_767;

    /// <summary>Columns a row may reach (by a cell's reference in XLSX, by its field count in CSV).</summary>
    public int MaxColumns { get; set; } = 1_000;

    /// <summary>Rows of a file, header included (by the row number in XLSX).</summary>
    public int MaxRows { get; set; } = 2_000_000;

    /// <summary>How long one import may run; a job over it fails with <c>IMPORT_TIME_LIMIT</c> and writes nothing.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>What a shared string's slot counts against <see cref="MaxSharedStringChars"/>, whatever its length.</summary>
    public const int SharedStringOverhead = 8;

    /// <summary>Parts the Open XML SDK loads whole (workbook, styles, relationships) are far smaller than sheets.</summary>
    public const long MaxMetadataPartChars = 16L * 1024 * 1024;

    public static TableFileException PartTooLarge(string fileName, string part, long maxBytes) => Refuse(
        "TABLE_XLSX_PART_TOO_LARGE",
        "{0}: bagian '{1}' buku kerja melebihi {2} MB setelah dibuka (mungkin berkas bom zip). Simpan ulang sebagai CSV atau pecah berkasnya.",
        "{0}: the workbook part '{1}' exceeds {2} MB uncompressed (possibly a zip bomb). Save it as CSV or split the file.",
        fileName, part, maxBytes / (1024 * 1024));

    public static TableFileException SharedStringsTooLarge(string fileName, long maxChars) => Refuse(
        "TABLE_SHARED_STRINGS_TOO_LARGE",
        "{0}: teks bersama buku kerja melebihi {1} karakter. Simpan ulang sebagai CSV atau pecah berkasnya.",
        "{0}: the workbook's shared strings exceed {1} characters. Save it as CSV or split the file.",
        fileName, maxChars);

    /// <summary>A cell over the limit; <paramref name="row"/> is 0 when it is not known (a shared string).</summary>
    public static TableFileException CellTooLong(string fileName, int row, int maxChars) => row > 0
        ? Refuse(
            "TABLE_CELL_TOO_LONG",
            "{0}: sel di baris {1} lebih dari {2} karakter.",
            "{0}: a cell in row {1} is longer than {2} characters.",
            fileName, row, maxChars)
        : Refuse(
            "TABLE_CELL_TOO_LONG",
            "{0}: sebuah sel lebih dari {1} karakter.",
            "{0}: a cell is longer than {1} characters.",
            fileName, maxChars);

    public static TableFileException TooManyColumns(string fileName, int row, int maxColumns) => Refuse(
        "TABLE_TOO_MANY_COLUMNS",
        "{0}: baris {1} memiliki sel di luar kolom ke-{2}.",
        "{0}: row {1} has a cell beyond column {2}.",
        fileName, row, maxColumns);

    public static TableFileException TooManyRows(string fileName, int maxRows) => Refuse(
        "TABLE_TOO_MANY_ROWS",
        "{0}: berkas memiliki lebih dari {1} baris. Pecah berkasnya.",
        "{0}: the file has more than {1} rows. Split the file.",
        fileName, maxRows);

    public static TableFileException DtdProhibited(string fileName) => Refuse(
        "TABLE_XLSX_DTD_PROHIBITED",
        "{0}: buku kerja memuat deklarasi DTD/entitas yang tidak diizinkan. Buka di Excel lalu simpan ulang.",
        "{0}: the workbook holds a DTD/entity declaration, which is not allowed. Open it in Excel and save it again.",
        fileName);

    public static TableFileException InvalidXml(string fileName) => Refuse(
        "TABLE_XLSX_INVALID_XML",
        "{0}: buku kerja rusak (XML tidak sah). Buka di Excel lalu simpan ulang sebagai .xlsx atau CSV.",
        "{0}: the workbook is damaged (invalid XML). Open it in Excel and save it again as .xlsx or CSV.",
        fileName);

    public static TableFileException NotUtf8(string fileName) => Refuse(
        "TABLE_CSV_NOT_UTF8",
        "{0}: berkas CSV bukan teks UTF-8. Di Excel pilih Simpan Sebagai > \"CSV UTF-8 (Comma delimited)\" lalu unggah lagi.",
        "{0}: the CSV file is not UTF-8 text. In Excel choose Save As > \"CSV UTF-8 (Comma delimited)\" and upload it again.",
        fileName);

    public static TableFileException Binary(string fileName) => Refuse(
        "TABLE_CSV_BINARY",
        "{0}: berkas bukan teks CSV (berisi data biner). Unggah berkas .csv atau .xlsx.",
        "{0}: the file is not CSV text (it holds binary data). Upload a .csv or .xlsx file.",
        fileName);

    public static TableFileException Unreadable(string fileName) => Refuse(
        "TABLE_UNREADABLE",
        "{0}: berkas tidak dapat dibaca sebagai tabel. Buka di Excel lalu simpan ulang sebagai .xlsx atau CSV.",
        "{0}: the file cannot be read as a table. Open it in Excel and save it again as .xlsx or CSV.",
        fileName);

    public static TableFileException TimeLimit(string fileName, TimeSpan limit) => Refuse(
        "IMPORT_TIME_LIMIT",
        "{0}: impor melebihi batas waktu {1} menit; tidak ada data yang tersimpan. Pecah berkasnya.",
        "{0}: the import exceeded its {1} minute time limit; nothing was saved. Split the file.",
        fileName, Math.Round(limit.TotalMinutes, 1));

    private static TableFileException Refuse(string code, string indonesian, string english, params object[] details) => new(new ValidationError(
        code, string.Format(CultureInfo.InvariantCulture, indonesian, details), string.Format(CultureInfo.InvariantCulture, english, details)));
}
