using Lindung.Application;

namespace Lindung.Features.Claims;

internal static class ClaimErrors
{
    public static UseCaseError NotFound { get; } = UseCaseError.Of(
        "CLAIM_NOT_FOUND", "Klaim tidak ditemukan atau di luar cakupan Anda.", "Claim not found or outside your scope.");

    public static UseCaseError WorkerNotFound { get; } = UseCaseError.Of(
        "CLAIM_WORKER_NOT_FOUND", "Pekerja dengan NIK ini tidak ada di register yang dapat Anda lihat.", "No worker with this NIK in the register you may see.", "nik");

    public static UseCaseError KindInvalid { get; } = UseCaseError.Of(
        "CLAIM_KIND_INVALID", "Jenis klaim harus jkk, jkm, jht atau jp.", "The claim kind must be jkk, jkm, jht or jp.", "kind");

    public static UseCaseError EventDateInvalid { get; } = UseCaseError.Of(
        "CLAIM_EVENT_DATE", "Tanggal kejadian wajib diisi dan tidak boleh di masa depan.", "The event date is required and may not be in the future.", "event_date");

    public static UseCaseError DatesOutOfOrder { get; } = UseCaseError.Of(
        "CLAIM_DATES_ORDER",
        "Urutan tanggal harus: kejadian ≤ pengajuan ≤ dokumen lengkap ≤ dibayar, dan tidak di masa depan.",
        "Dates must run event ≤ filed ≤ documents complete ≤ paid, none in the future.",
        "claim_date");

    public static UseCaseError WageInvalid { get; } = UseCaseError.Of(
        "CLAIM_WAGE_INVALID", "Upah bulanan harus rupiah bulat lebih dari 0.", "The monthly wage must be whole rupiah above 0.", "monthly_wage");

    public static UseCaseError StatusInvalid { get; } = UseCaseError.Of(
        "CLAIM_STATUS_INVALID",
        "Status harus reported, submitted, complete, paid atau rejected; 'paid' perlu tanggal dan jumlah bayar, 'complete' perlu tanggal dokumen lengkap.",
        "The status must be reported, submitted, complete, paid or rejected; 'paid' needs the paid date and amount, 'complete' the documents date.",
        "status");

    public static UseCaseError PaidAmountInvalid { get; } = UseCaseError.Of(
        "CLAIM_PAID_AMOUNT", "Jumlah dibayar harus rupiah bulat lebih dari 0.", "The amount paid must be whole rupiah above 0.", "paid_amount");

    public static UseCaseError StatusBackwards { get; } = UseCaseError.Of(
        "CLAIM_STATUS_BACKWARDS",
        "Status klaim hanya maju (dilaporkan → diajukan → lengkap → dibayar) atau menjadi ditolak; klaim yang sudah dibayar atau ditolak tidak berubah lagi.",
        "A claim's status only moves forward (reported → submitted → complete → paid) or to rejected; a paid or rejected claim does not change again.",
        "status");
}
