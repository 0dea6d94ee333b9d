using Lindung.Application;

namespace Lindung.Features.Enforcement;

internal static class EnforcementErrors
{
    public static UseCaseError NotFound { get; } = UseCaseError.Of(
        "CASE_NOT_FOUND", "Kasus tidak ditemukan atau di luar cakupan Anda.", "Case not found or outside your scope.");

    public static UseCaseError NotAllowed { get; } = UseCaseError.Of(
        "CASE_NOT_ALLOWED", "Anda tidak dapat mengubah kasus ini.", "You may not change this case.");

    public static UseCaseError EmployerNotFound { get; } = UseCaseError.Of(
        "CASE_EMPLOYER_NOT_FOUND", "Pemberi kerja tidak ditemukan di wilayah Anda.", "Employer not found in your regions.", "employer_id");

    public static UseCaseError NoIdentifier { get; } = UseCaseError.Of(
        "CASE_EMPLOYER_NO_IDENTIFIER", "Pemberi kerja ini tidak memiliki NPP, NIB atau NPWP untuk diperiksa.", "This employer has no NPP, NIB or NPWP to check.", "employer_id");

    public static UseCaseError NoFindings { get; } = UseCaseError.Of(
        "CASE_NO_FINDINGS", "Pemberi kerja ini patuh: tidak ada temuan untuk dibuka sebagai kasus.", "This employer is compliant: there is no finding to open a case for.", "employer_id");

    public static UseCaseError AlreadyOpen(string number) => UseCaseError.Of(
        "CASE_ALREADY_OPEN",
        $"Pemberi kerja ini sudah memiliki kasus terbuka {number}; lanjutkan kasus itu.",
        $"This employer already has an open case {number}; carry that case on.",
        "employer_id");

    public static UseCaseError Closed { get; } = UseCaseError.Of(
        "CASE_CLOSED", "Kasus ini sudah ditutup; buka kembali dengan alasan bila perlu.", "This case is closed; reopen it with a reason if need be.");

    public static UseCaseError NotClosed { get; } = UseCaseError.Of(
        "CASE_NOT_CLOSED", "Hanya kasus yang sudah ditutup yang dapat dibuka kembali.", "Only a closed case can be reopened.");

    public static UseCaseError StageUnknown { get; } = UseCaseError.Of(
        "CASE_STAGE_UNKNOWN",
        "Tahap harus salah satu dari: warning1, warning2, fine, tmp2t, referral.",
        "The stage must be one of: warning1, warning2, fine, tmp2t, referral.",
        "stage");

    public static UseCaseError StageSkipped(string current, string next) => UseCaseError.Of(
        "CASE_STAGE_ORDER",
        $"Kasus ada di tahap {current}: tahap berikutnya hanya {next}; tahap tidak dapat dilompati atau dimundurkan.",
        $"The case is at {current}: the only next stage is {next}; stages cannot be skipped or reversed.",
        "stage");

    public static UseCaseError LadderEnded { get; } = UseCaseError.Of(
        "CASE_STAGE_LAST", "Kasus sudah di tahap terakhir (Kejaksaan); catat hasilnya untuk menutup.", "The case is at the last stage (referred); record its outcome to close it.", "stage");

    public static UseCaseError ContributionsDueRequired { get; } = UseCaseError.Of(
        "CASE_CONTRIBUTIONS_DUE", "Isi iuran terutang (rupiah, 0 atau lebih) untuk menghitung denda.", "Enter the contributions due (rupiah, 0 or more) to compute the fine.", "contributions_due");

    public static UseCaseError MonthsInvalid { get; } = UseCaseError.Of(
        "CASE_FINE_MONTHS", "Jumlah bulan tunggakan harus 1–120.", "Months in arrears must be 1–120.", "months");

    public static UseCaseError ProsecutorRegionInvalid { get; } = UseCaseError.Of(
        "CASE_PROSECUTOR_REGION", "Pilih Kejaksaan Negeri menurut kabupaten/kota yang dilayaninya (mis. 35.77).", "Choose the Kejaksaan Negeri by the regency/city it serves (e.g. 35.77).", "prosecutor_region");

    public static UseCaseError SkkRequired { get; } = UseCaseError.Of(
        "CASE_SKK_REQUIRED", "Isi nomor dan tanggal Surat Kuasa Khusus (SKK); tanggal tidak boleh di masa depan.", "Enter the special power of attorney (SKK) number and date; the date may not be in the future.", "skk_number");

    public static UseCaseError OutcomeUnknown { get; } = UseCaseError.Of(
        "CASE_OUTCOME_UNKNOWN",
        "Hasil harus salah satu dari: complied, arrears_paid, settled, legal_action, closed.",
        "The outcome must be one of: complied, arrears_paid, settled, legal_action, closed.",
        "outcome");

    public static UseCaseError AmountInvalid { get; } = UseCaseError.Of(
        "CASE_AMOUNT_INVALID", "Jumlah dipulihkan harus rupiah bulat, 0 atau lebih.", "The amount recovered must be whole rupiah, 0 or more.", "amount");

    public static UseCaseError NoteRequired { get; } = UseCaseError.Of(
        "CASE_NOTE_REQUIRED", "Tulis catatan (paling banyak 2.000 karakter).", "Write a note (at most 2,000 characters).", "note");

    public static UseCaseError NotReferred { get; } = UseCaseError.Of(
        "CASE_NOT_REFERRED", "Tindakan jaksa hanya dicatat pada kasus terbuka yang sudah diserahkan ke Kejaksaan.", "A prosecutor's action is recorded only on an open case referred to the state attorney.");
}
