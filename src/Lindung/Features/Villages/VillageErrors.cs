using Lindung.Application;

namespace Lindung.Features.Villages;

/// <summary>The named refusals of the village use cases.</summary>
internal static class VillageErrors
{
    public static readonly UseCaseError NotFound = UseCaseError.Of("VILLAGE_NOT_FOUND",
        "Desa tidak ditemukan atau di luar wilayah Anda", "The village was not found or is outside your area", "village_code");

    public static readonly UseCaseError AgencyNotFound = UseCaseError.Of("AGENCY_NOT_FOUND",
        "OPD tidak ditemukan atau di luar wilayah Anda", "The agency was not found or is outside your area", "agency_id");

    public static readonly UseCaseError AssignmentNotFound = UseCaseError.Of("ASSIGNMENT_NOT_FOUND",
        "Penugasan desa dampingan tidak ditemukan", "The village assignment was not found", "id");

    public static readonly UseCaseError VillageUnknown = UseCaseError.Of("VILLAGE_UNKNOWN",
        "Kode desa/kelurahan tidak dikenal (bentuk PP.KK.CC.DDDD)", "Unknown village code (form PP.KK.CC.DDDD)", "village_code");

    public static readonly UseCaseError VillageOutsideRegion = UseCaseError.Of("VILLAGE_OUTSIDE_REGION",
        "Desa dampingan harus berada di kabupaten/kota OPD tersebut", "A fostered village must lie in the agency's own regency or city", "village_code");

    public static readonly UseCaseError PeriodInvalid = UseCaseError.Of("PERIOD_INVALID",
        "Tanggal selesai harus sesudah tanggal mulai", "The end date must be after the start date", "valid_to");

    public static readonly UseCaseError Overlaps = UseCaseError.Of("ASSIGNMENT_OVERLAPS",
        "OPD ini sudah mendampingi desa tersebut pada periode itu", "This agency already fosters that village in that period", "valid_from");

    public static readonly UseCaseError AlreadyEnded = UseCaseError.Of("ASSIGNMENT_ENDED",
        "Penugasan ini sudah berakhir", "This assignment has already ended", "id");

    public static readonly UseCaseError NotEnded = UseCaseError.Of("ASSIGNMENT_NOT_ENDED",
        "Penugasan ini belum diakhiri", "This assignment has not been ended", "id");

    public static readonly UseCaseError EndBeforeStart = UseCaseError.Of("END_BEFORE_START",
        "Tanggal berakhir harus sesudah tanggal mulai penugasan", "The end date must be after the assignment's start", "end_date");

    public static readonly UseCaseError PopulationInvalid = UseCaseError.Of("POPULATION_INVALID",
        "Penduduk usia kerja harus angka 0 sampai 10.000.000", "The working-age population must be a number from 0 to 10,000,000", "working_age_population");
}

/// <summary>The row refusals of a village population import that only the import can make.</summary>
internal static class PopulationErrors
{
    public static readonly UseCaseError DateInvalid = UseCaseError.Of("POPULATION_DATE_INVALID",
        "Tanggal data tidak terbaca atau di masa depan (contoh 2026-06-30)", "The figure's date is unreadable or in the future (e.g. 2026-06-30)", "per_tanggal");

    public static UseCaseError Repeated(int firstRow) => UseCaseError.Of("VILLAGE_REPEATED",
        $"Desa ini sudah ada di baris {firstRow}", $"This village is already on row {firstRow}", "kode_desa");
}
