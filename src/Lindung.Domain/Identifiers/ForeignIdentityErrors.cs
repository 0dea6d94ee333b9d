using Lindung.Domain.Validation;

namespace Lindung.Domain.Identifiers;

/// <summary>Every reason a foreign worker's document or nationality is rejected.</summary>
public static class ForeignIdentityErrors
{
    public static readonly ValidationError DocumentInvalid = new(
        "FOREIGN_DOCUMENT_INVALID",
        "Nomor paspor/KITAS harus 6–20 huruf dan angka (paling sedikit satu angka).",
        "Passport/KITAS number must be 6–20 letters and digits (at least one digit).");

    public static readonly ValidationError NationalityEmpty = new(
        "NATIONALITY_EMPTY",
        "Kewarganegaraan kosong; pekerja tanpa NIK harus disertai nomor paspor/KITAS dan kewarganegaraan.",
        "Nationality is empty; a worker without a NIK needs a passport/KITAS number and a nationality.");

    public static readonly ValidationError NationalityUnknown = new(
        "NATIONALITY_UNKNOWN",
        "Kewarganegaraan tidak dikenal; tulis kode negara (mis. CHN, MYS, KOR) atau nama negaranya.",
        "Nationality is unknown; write the country code (e.g. CHN, MYS, KOR) or the country's name.");

    public static readonly ValidationError NationalityIndonesian = new(
        "NATIONALITY_INDONESIAN",
        "WNI dicatat dengan NIK, bukan paspor; isi kolom NIK.",
        "Indonesian citizens are registered by NIK, not passport; fill in the NIK column.");
}
