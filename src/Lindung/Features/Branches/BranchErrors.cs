using System.Globalization;
using Lindung.Application;

namespace Lindung.Features.Branches;

/// <summary>Why a branch use case refused a request, in Bahasa Indonesia and English.</summary>
internal static class BranchErrors
{
    public static readonly UseCaseError CodeInvalid = UseCaseError.Of(
        "BRANCH_CODE_INVALID", "Kode kantor cabang 2–32 karakter: huruf besar, angka, '-' atau '_'.", "A branch code has 2–32 characters: capitals, digits, '-' or '_'.", "code");

    public static readonly UseCaseError CodeTaken = UseCaseError.Of(
        "BRANCH_CODE_TAKEN", "Kode kantor cabang sudah dipakai.", "That branch code is already in use.", "code");

    public static readonly UseCaseError NameMissing = UseCaseError.Of(
        "BRANCH_NAME_MISSING", "Isi nama kantor cabang (paling banyak 200 karakter).", "Enter the branch name (at most 200 characters).", "name");

    public static readonly UseCaseError SeatInvalid = UseCaseError.Of(
        "BRANCH_SEAT_INVALID", "Kedudukan kantor cabang harus kode kabupaten/kota Kemendagri (mis. 35.77).", "The branch seat must be a Kemendagri regency/city code (e.g. 35.77).", "seat");

    public static readonly UseCaseError OutsideScope = UseCaseError.Of(
        "BRANCH_REGION_OUTSIDE_SCOPE", "Wilayah itu di luar wilayah Anda.", "That region is outside your regions.", "region");

    public static readonly UseCaseError NotFound = UseCaseError.Of(
        "BRANCH_NOT_FOUND", "Kantor cabang tidak ditemukan di wilayah Anda.", "No such branch office in your regions.", "code");

    public static readonly UseCaseError RegencyInvalid = UseCaseError.Of(
        "WORKING_AREA_REGENCY_INVALID", "Wilayah kerja terdiri atas kabupaten/kota: isi kode Kemendagri PP.KK (mis. 35.19).", "A working area is made of regencies/cities: enter a Kemendagri PP.KK code (e.g. 35.19).", "regency");

    public static readonly UseCaseError PeriodInvalid = UseCaseError.Of(
        "WORKING_AREA_PERIOD_INVALID", "Tanggal berakhir harus sesudah tanggal mulai.", "The end date must be after the start date.", "valid_to");

    public static readonly UseCaseError AssignmentNotFound = UseCaseError.Of(
        "WORKING_AREA_NOT_FOUND", "Penugasan wilayah kerja tidak ditemukan di wilayah Anda.", "No such working-area assignment in your regions.", "id");

    public static readonly UseCaseError EndInvalid = UseCaseError.Of(
        "WORKING_AREA_END_INVALID", "Tanggal berakhir harus sesudah tanggal mulai penugasan dan tidak sesudah akhir yang sudah ada.", "The end date must be after the assignment's start and not after an end it already has.", "valid_to");

    public static readonly UseCaseError DateInFuture = UseCaseError.Of(
        "BRANCH_DATE_IN_FUTURE", "Tanggal harus berbentuk YYYY-MM-DD dan tidak di masa depan.", "The date must be YYYY-MM-DD and not in the future.", "date");

    /// <summary>The regency already belongs to a branch during part of the period: names that branch and its period.</summary>
    public static UseCaseError Overlap(string regency, string otherBranch, DateOnly from, DateOnly? to)
    {
        var until = to is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var start = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return UseCaseError.Of(
            "WORKING_AREA_OVERLAP",
            $"{regency} sudah termasuk wilayah kerja {otherBranch} sejak {start}{(until is null ? "" : $" sampai {until}")}; akhiri penugasan itu dulu.",
            $"{regency} already belongs to {otherBranch} from {start}{(until is null ? "" : $" until {until}")}; end that assignment first.",
            "regency");
    }
}
