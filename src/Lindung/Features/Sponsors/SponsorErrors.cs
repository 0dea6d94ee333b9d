using Lindung.Application;

namespace Lindung.Features.Sponsors;

internal static class SponsorErrors
{
    public static UseCaseError NotFound { get; } = UseCaseError.Of(
        "SPONSOR_NOT_FOUND", "Bapak asuh tidak ditemukan atau di luar cakupan Anda.", "Sponsor not found or outside your scope.");

    public static UseCaseError NotAllowed { get; } = UseCaseError.Of(
        "SPONSOR_NOT_ALLOWED", "Anda tidak dapat mengubah data bapak asuh ini.", "You may not change this sponsor's records.");

    public static UseCaseError NameRequired { get; } = UseCaseError.Of(
        "SPONSOR_NAME_REQUIRED", "Nama bapak asuh wajib diisi (paling banyak 200 karakter).", "The sponsor's name is required (at most 200 characters).", "name");

    public static UseCaseError EmailInvalid { get; } = UseCaseError.Of(
        "SPONSOR_EMAIL_INVALID", "Email akun bapak asuh tidak valid.", "The sponsor account's e-mail is not valid.", "account_email");

    public static UseCaseError EmailTaken { get; } = UseCaseError.Of(
        "SPONSOR_EMAIL_TAKEN", "Email akun ini sudah dipakai bapak asuh lain.", "This account e-mail already belongs to another sponsor.", "account_email");

    public static UseCaseError VillageInvalid(string code) => UseCaseError.Of(
        "SPONSOR_VILLAGE_INVALID",
        $"Desa {code} tidak dikenal atau tidak berada di wilayah bapak asuh.",
        $"Village {code} is unknown or outside the sponsor's region.",
        "villages");

    public static UseCaseError WorkersRequired { get; } = UseCaseError.Of(
        "SPONSOR_WORKERS_REQUIRED", "Pilih paling sedikit satu pekerja (paling banyak 500 sekaligus).", "Choose at least one worker (at most 500 at once).", "workers");

    public static UseCaseError WorkerNotFound { get; } = UseCaseError.Of(
        "SPONSOR_WORKER_NOT_FOUND", "Pekerja tidak ditemukan di wilayah bapak asuh.", "Worker not found in the sponsor's region.", "workers");

    public static UseCaseError AlreadySponsored(string maskedNik, string name, DateOnly until) => UseCaseError.Of(
        "SPONSOR_OVERLAP",
        $"{name} ({maskedNik}) sudah diasuh sampai {until:yyyy-MM-dd}; masa asuh tidak boleh tumpang tindih.",
        $"{name} ({maskedNik}) is already sponsored until {until:yyyy-MM-dd}; sponsored periods may not overlap.",
        "workers");

    public static UseCaseError MonthInvalid { get; } = UseCaseError.Of(
        "SPONSOR_MONTH_INVALID", "Bulan mulai harus berbentuk YYYY-MM dan tidak sebelum bulan ini.", "The first month must be YYYY-MM and not before this month.", "from");

    public static UseCaseError MonthsInvalid { get; } = UseCaseError.Of(
        "SPONSOR_MONTHS_INVALID", "Lama asuh harus 1–120 bulan.", "The sponsored period must be 1–120 months.", "months");

    public static UseCaseError ProgramsInvalid { get; } = UseCaseError.Of(
        "SPONSOR_PROGRAMS_INVALID",
        "Program BPU yang diasuh: JKK dan JKM, boleh ditambah JHT.",
        "Sponsored BPU programs: JKK and JKM, optionally JHT.",
        "programs");

    public static UseCaseError LedgerActionInvalid { get; } = UseCaseError.Of(
        "SPONSOR_LEDGER_ACTION", "Tindakan buku besar harus 'invoice' atau 'paid'.", "The ledger action must be 'invoice' or 'paid'.", "action");

    public static UseCaseError NothingToRecord { get; } = UseCaseError.Of(
        "SPONSOR_LEDGER_EMPTY", "Tidak ada bulan yang dapat dicatat sampai bulan itu.", "There is no month to record up to that month.", "through");

    public static UseCaseError SponsorshipNotFound { get; } = UseCaseError.Of(
        "SPONSORSHIP_NOT_FOUND", "Masa asuh tidak ditemukan.", "Sponsorship not found.");

    public static UseCaseError HandoverTooEarly(DateOnly opens) => UseCaseError.Of(
        "SPONSORSHIP_HANDOVER_EARLY",
        $"Serah terima baru dapat dicatat mulai {opens:yyyy-MM-dd} (30 hari sebelum masa asuh berakhir).",
        $"The handover can be recorded from {opens:yyyy-MM-dd} (30 days before the sponsored period ends).");

    public static UseCaseError HandoverDone { get; } = UseCaseError.Of(
        "SPONSORSHIP_HANDED_OVER", "Masa asuh ini sudah diserahterimakan.", "This sponsorship has already been handed over.");

    public static UseCaseError HandoverInvalid { get; } = UseCaseError.Of(
        "SPONSORSHIP_HANDOVER_INVALID",
        "Serah terima harus 'renew' (diperpanjang), 'self' (pekerja membayar sendiri) atau 'apbd' (diambil alih APBD).",
        "The handover must be 'renew', 'self' (the worker pays) or 'apbd' (the regional budget takes over).",
        "outcome");
}
