using System.Globalization;
using Lindung.Domain.Validation;

namespace Lindung.Domain.Rosters;

/// <summary>
/// Every reason an imported row is rejected besides the NIK rules (<see cref="Identifiers.NikErrors"/>,
/// whose codes are reported unchanged), with a stable code and messages in Bahasa Indonesia and English.
/// </summary>
public static class ImportErrors
{
    public static readonly ValidationError NameEmpty = new("NAME_EMPTY", "Nama kosong.", "Name is empty.");

    public static readonly ValidationError TextTooLong = new(
        "TEXT_TOO_LONG",
        "Teks terlalu panjang (paling banyak 200 karakter).",
        "Text is too long (200 characters at most).");

    public static readonly ValidationError DateEmpty = new("DATE_EMPTY", "Tanggal kosong.", "Date is empty.");

    public static readonly ValidationError DateInvalid = new(
        "DATE_INVALID",
        "Tanggal tidak terbaca; gunakan yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy atau tanggal Excel.",
        "Date cannot be read; use yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy or an Excel date.");

    public static readonly ValidationError MonthInvalid = new(
        "MONTH_INVALID",
        "Bulan tidak terbaca; gunakan yyyy-mm, mm/yyyy atau sebuah tanggal.",
        "Month cannot be read; use yyyy-mm, mm/yyyy or a date.");

    public static readonly ValidationError SexInvalid = new(
        "SEX_INVALID",
        "Jenis kelamin harus L/P (Laki-laki/Perempuan).",
        "Sex must be L/P (male/female).");

    public static readonly ValidationError NikBirthDateMismatch = new(
        "NIK_BIRTH_DATE_MISMATCH",
        "Tanggal lahir tidak sama dengan tanggal lahir di NIK (digit 7–12).",
        "Birth date differs from the birth date in the NIK (digits 7–12).");

    public static readonly ValidationError NikSexMismatch = new(
        "NIK_SEX_MISMATCH",
        "Jenis kelamin tidak sama dengan NIK (perempuan: tanggal lahir di NIK ditambah 40).",
        "Sex differs from the NIK (women: the NIK's birth day is day + 40).");

    public static readonly ValidationError CategoryUnknown = new(
        "CATEGORY_UNKNOWN",
        "Kategori tidak dikenal; gunakan Honorer, GTT, PTT, Kontrak, Harian Lepas, Outsourcing, PU Swasta, BPU, Jakon, PMI atau Penyelenggara Pemilu.",
        "Unknown category; use Honorer, GTT, PTT, Kontrak, Harian Lepas, Outsourcing, PU Swasta, BPU, Jakon, PMI or Penyelenggara Pemilu.");

    public static readonly ValidationError CategoryTaspen = new(
        "CATEGORY_TASPEN",
        "ASN/PNS/PPPK dijamin Taspen, bukan BPJS Ketenagakerjaan; jangan dimasukkan ke daftar non-ASN.",
        "ASN/PNS/PPPK are covered by Taspen, not BPJS Ketenagakerjaan; leave them out of the non-ASN roster.");

    public static readonly ValidationError WageInvalid = new(
        "WAGE_INVALID",
        "Upah tidak terbaca; tulis angka rupiah, mis. 2500000, 2.500.000 atau Rp 2.500.000,00 (tanpa huruf, pangkat atau heksadesimal).",
        "Wage cannot be read; write a rupiah amount, e.g. 2500000, 2.500.000 or Rp 2.500.000,00 (no words, exponents or hexadecimal).");

    public static readonly ValidationError WageTooLarge = new(
        "WAGE_TOO_LARGE",
        $"Upah lebih dari Rp{MaxWage('.')} sebulan; periksa angkanya (mungkin NIK atau nomor lain tertulis di kolom upah).",
        $"Wage is more than Rp{MaxWage(',')} a month; check the amount (a NIK or another number may be in the wage column).");

    public static readonly ValidationError WageNotPositive = new(
        "WAGE_NOT_POSITIVE",
        "Upah harus lebih dari 0.",
        "Wage must be more than 0.");

    public static readonly ValidationError AreaUnknown = new(
        "AREA_UNKNOWN",
        "Kode wilayah tidak dikenal; tulis kode Kemendagri kabupaten/kota, kecamatan atau desa (mis. 35.77.01).",
        "Unknown area code; write a Kemendagri regency, district or village code (e.g. 35.77.01).");

    public static readonly ValidationError AgencyEmpty = new("AGENCY_EMPTY", "Instansi kosong.", "Agency is empty.");

    public static readonly ValidationError AgencyMismatch = new(
        "AGENCY_MISMATCH",
        "Instansi bukan instansi yang diimpor (kode atau nama) atau salah satu unit di bawahnya.",
        "Agency is not the agency being imported (code or name) or one of its units.");

    public static readonly ValidationError FundingUnknown = new(
        "FUNDING_UNKNOWN",
        "Sumber dana tidak dikenal; gunakan APBD, APBN, BLUD, Dana Desa, Swasta atau Lainnya.",
        "Unknown funding source; use APBD, APBN, BLUD, Dana Desa, Private or Other.");

    public static readonly ValidationError PhoneInvalid = new(
        "PHONE_INVALID",
        "Nomor HP harus 8–15 digit.",
        "Phone number must have 8–15 digits.");

    public static readonly ValidationError KpjEmpty = new("KPJ_EMPTY", "KPJ kosong.", "KPJ is empty.");

    public static readonly ValidationError KpjInvalid = new(
        "KPJ_INVALID",
        "KPJ harus 11 digit.",
        "KPJ must have 11 digits.");

    public static readonly ValidationError SegmentUnknown = new(
        "SEGMENT_UNKNOWN",
        "Segmen harus PU, BPU, JAKON atau PMI.",
        "Segment must be PU, BPU, JAKON or PMI.");

    public static readonly ValidationError StatusUnknown = new(
        "STATUS_UNKNOWN",
        "Status harus AKTIF atau NONAKTIF.",
        "Status must be ACTIVE (AKTIF) or INACTIVE (NONAKTIF).");

    public static readonly ValidationError ProgramEmpty = new(
        "PROGRAM_EMPTY",
        "Program kosong; tulis misalnya JKK,JKM.",
        "No programs; write for example JKK,JKM.");

    public static readonly ValidationError ProgramUnknown = new(
        "PROGRAM_UNKNOWN",
        "Program tidak dikenal; gunakan JKK, JKM, JHT, JP, JKP.",
        "Unknown program; use JKK, JKM, JHT, JP, JKP.");

    public static readonly ValidationError NppInvalid = new(
        "NPP_INVALID",
        "NPP harus 1–8 huruf atau angka.",
        "NPP must have 1–8 letters or digits.");

    /// <summary>
    /// The row names a worker already registered outside the uploader's agency or regions: an
    /// import may create people and update its own, never rewrite someone else's.
    /// </summary>
    public static readonly ValidationError WorkerOutOfScope = new(
        "WORKER_OUT_OF_SCOPE",
        "NIK ini milik pekerja terdaftar di luar instansi atau wilayah Anda; baris ini tidak diimpor. Minta admin daerah memeriksanya.",
        "This NIK belongs to a registered worker outside your agency or regions; the row is not imported. Ask a regional admin to check it.");

    /// <summary>The second and later rows with a NIK already seen; names the first row.</summary>
    public static ValidationError NikDuplicate(int firstRow) => new(
        "NIK_DUPLICATE",
        string.Create(CultureInfo.InvariantCulture, $"NIK sama dengan baris {firstRow}."),
        string.Create(CultureInfo.InvariantCulture, $"Same NIK as row {firstRow}."));

    /// <summary>The second and later rows with a KPJ already seen; names the first row.</summary>
    public static ValidationError KpjDuplicate(int firstRow) => new(
        "KPJ_DUPLICATE",
        string.Create(CultureInfo.InvariantCulture, $"KPJ sama dengan baris {firstRow}."),
        string.Create(CultureInfo.InvariantCulture, $"Same KPJ as row {firstRow}."));

    /// <summary>The wage bound with thousands separated the way each language writes them.</summary>
    private static string MaxWage(char group) =>
        WageText.MaxMonthly.ToString("N0", CultureInfo.InvariantCulture).Replace(',', group);
}
