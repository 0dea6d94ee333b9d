using System.Globalization;
using Lindung.Application;
using Lindung.Domain.Claims;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Claims;

/// <summary>The named reasons a row of a branch's claims extract is refused, beyond the claim rules in <see cref="ClaimErrors"/>.</summary>
internal static class ClaimImportErrors
{
    public const string NumberField = "claim_number";
    public const string KpjField = "kpj";
    public const string DeathField = "death";
    public const string CompleteField = "documents_complete_on";
    public const string PaidOnField = "paid_on";
    public const string PaidAmountField = "paid_amount";

    public static readonly UseCaseError NumberInvalid = UseCaseError.Of(
        "CLAIM_NUMBER_INVALID",
        string.Create(CultureInfo.InvariantCulture, $"Nomor klaim cabang wajib diisi, paling panjang {ClaimColumns.NumberMax} karakter."),
        string.Create(CultureInfo.InvariantCulture, $"The branch's claim number is required, at most {ClaimColumns.NumberMax} characters."),
        NumberField);

    public static readonly UseCaseError NumberTaken = UseCaseError.Of(
        "CLAIM_NUMBER_TAKEN",
        "Nomor klaim ini sudah dipakai klaim lain di wilayah yang sama yang di luar cakupan Anda.",
        "This claim number is already used by another claim in the same region, outside your scope.",
        NumberField);

    public static readonly UseCaseError NumberOtherClaim = UseCaseError.Of(
        "CLAIM_NUMBER_OTHER_CLAIM",
        "Nomor klaim ini sudah tercatat dengan pekerja, jenis klaim, tanggal kejadian atau tanda meninggal yang lain; hal itu tidak berubah lewat impor.",
        "This claim number is on record with another worker, claim kind, event date or death mark; those do not change through an import.",
        NumberField);

    public static readonly UseCaseError StatusUnknown = UseCaseError.Of(
        "CLAIM_STATUS_UNKNOWN",
        "Status tidak dikenal; tulis Dilaporkan, Diajukan, Lengkap, Dibayar atau Ditolak.",
        "Unknown status; write Dilaporkan, Diajukan, Lengkap, Dibayar or Ditolak (reported, submitted, complete, paid, rejected).",
        "status");

    public static readonly UseCaseError DeathUnreadable = UseCaseError.Of(
        "CLAIM_DEATH_UNREADABLE", "Kolom meninggal diisi Ya atau Tidak, atau dibiarkan kosong.", "The death column holds Ya or Tidak (yes or no), or nothing.", DeathField);

    public static readonly UseCaseError AmountUnreadable = UseCaseError.Of(
        "CLAIM_AMOUNT_UNREADABLE",
        string.Create(CultureInfo.InvariantCulture, $"Nominal bayar harus angka rupiah sampai Rp{ClaimColumns.MaxAmount.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.')}, mis. 42000000 atau Rp 42.000.000."),
        string.Create(CultureInfo.InvariantCulture, $"The amount paid must be a rupiah amount up to Rp{ClaimColumns.MaxAmount:N0}, e.g. 42000000 or Rp 42.000.000."),
        PaidAmountField);

    public static readonly UseCaseError KpjInvalid = new(ImportErrors.KpjInvalid, KpjField);

    public static readonly UseCaseError WageUnreadable = new(ImportErrors.WageInvalid, "monthly_wage");

    public static readonly UseCaseError WageTooLarge = new(ImportErrors.WageTooLarge, "monthly_wage");

    public static UseCaseError DateUnreadable(string field) => new(ImportErrors.DateInvalid, field);

    public static UseCaseError NumberRepeated(int firstRow) => UseCaseError.Of(
        "CLAIM_NUMBER_REPEATED",
        string.Create(CultureInfo.InvariantCulture, $"Nomor klaim ini sudah ada di baris {firstRow} berkas yang sama."),
        string.Create(CultureInfo.InvariantCulture, $"This claim number is already on row {firstRow} of the same file."),
        NumberField);
}
