using Lindung.Domain.Validation;

namespace Lindung.Features.Reconciliation;

/// <summary>Why a run could not start or did not finish, in both languages; a run row keeps only the code.</summary>
internal static class ReconciliationErrors
{
    public static readonly ValidationError Interrupted = new(
        "interrupted", "Rekonsiliasi terhenti karena aplikasi dimulai ulang; tidak ada hasil yang tersimpan. Jalankan lagi.",
        "The reconciliation stopped because the application restarted; no results were saved. Run it again.");

    public static readonly ValidationError Unexpected = new(
        "unexpected", "Rekonsiliasi gagal karena kesalahan tak terduga; tidak ada hasil yang tersimpan. Hubungi admin.",
        "The reconciliation failed with an unexpected error; no results were saved. Contact your administrator.");

    public static readonly ValidationError Busy = new(
        "queue_full", "Terlalu banyak rekonsiliasi dalam antrean; coba lagi sebentar lagi.", "Too many reconciliation runs are queued; try again shortly.");

    public static readonly ValidationError Finished = new(
        "finished", "Rekonsiliasi sudah selesai dan tidak dapat dibatalkan.", "The reconciliation has already finished and cannot be cancelled.");

    public static ValidationError? Load(string? code) => code is null ? null : new[] { Interrupted, Unexpected, Busy }.FirstOrDefault(e => e.Code == code);
}
