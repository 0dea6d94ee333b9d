using Lindung.Domain.Validation;

namespace Lindung.Domain.Identifiers;

/// <summary>Every reason a NIK is rejected, with its code and messages.</summary>
public static class NikErrors
{
    public static readonly ValidationError Empty = new(
        "NIK_EMPTY",
        "NIK kosong.",
        "NIK is empty.");

    public static readonly ValidationError ScientificNotation = new(
        "NIK_SCIENTIFIC_NOTATION",
        "NIK tertulis dalam notasi ilmiah (mis. 3.57701E+15); digit terakhir sudah hilang. Format kolom sebagai Teks lalu ketik ulang NIK.",
        "NIK is in scientific notation (e.g. 3.57701E+15); its last digits are lost. Format the column as Text and re-enter the NIK.");

    public static readonly ValidationError InvalidCharacters = new(
        "NIK_INVALID_CHARACTERS",
        "NIK hanya boleh berisi angka.",
        "NIK may contain digits only.");

    public static readonly ValidationError Length = new(
        "NIK_LENGTH",
        "NIK harus 16 digit.",
        "NIK must have 16 digits.");

    public static readonly ValidationError ProvinceUnknown = new(
        "NIK_PROVINCE_UNKNOWN",
        "Kode provinsi (digit 1–2) tidak dikenal.",
        "Province code (digits 1–2) is unknown.");

    public static readonly ValidationError RegencyUnknown = new(
        "NIK_REGENCY_UNKNOWN",
        "Kode kabupaten/kota (digit 3–4) tidak dikenal di provinsi ini.",
        "Regency/city code (digits 3–4) is unknown in this province.");

    public static readonly ValidationError DistrictUnknown = new(
        "NIK_DISTRICT_UNKNOWN",
        "Kode kecamatan (digit 5–6) tidak dikenal di kabupaten/kota ini.",
        "District code (digits 5–6) is unknown in this regency/city.");

    public static readonly ValidationError BirthDateInvalid = new(
        "NIK_BIRTH_DATE_INVALID",
        "Tanggal lahir (digit 7–12) bukan tanggal yang sah; tanggal perempuan ditambah 40.",
        "Birth date (digits 7–12) is not a real date; women's day is written as day + 40.");

    public static readonly ValidationError SerialZero = new(
        "NIK_SERIAL_ZERO",
        "Nomor urut (digit 13–16) tidak boleh 0000.",
        "Serial number (digits 13–16) must not be 0000.");

    public static IReadOnlyList<ValidationError> All { get; } =
        [Empty, ScientificNotation, InvalidCharacters, Length, ProvinceUnknown, RegencyUnknown, DistrictUnknown, BirthDateInvalid, SerialZero];
}
