using Lindung.Application;

namespace Lindung.Features.Groups;

internal static class GroupErrors
{
    public static UseCaseError NotFound { get; } = UseCaseError.Of(
        "GROUP_NOT_FOUND", "Kelompok tidak ditemukan atau di luar cakupan Anda.", "Group not found or outside your scope.");

    public static UseCaseError NotAllowed { get; } = UseCaseError.Of(
        "GROUP_NOT_ALLOWED", "Anda tidak dapat mengubah kelompok ini.", "You may not change this group.");

    public static UseCaseError NameRequired { get; } = UseCaseError.Of(
        "GROUP_NAME_REQUIRED", "Nama kelompok wajib diisi (paling banyak 200 karakter).", "The group's name is required (at most 200 characters).", "name");

    public static UseCaseError NameTaken { get; } = UseCaseError.Of(
        "GROUP_NAME_TAKEN", "Instansi ini sudah memiliki kelompok dengan nama itu.", "This agency already has a group with that name.", "name");

    public static UseCaseError KindUnknown { get; } = UseCaseError.Of(
        "GROUP_KIND_UNKNOWN", "Jenis kelompok tidak dikenal.", "Unknown group kind.", "kind");

    public static UseCaseError AgencyUnknown { get; } = UseCaseError.Of(
        "GROUP_AGENCY_UNKNOWN", "Instansi pembina tidak ditemukan di cakupan Anda.", "The fostering agency was not found in your scope.", "agency_id");

    public static UseCaseError VillageInvalid { get; } = UseCaseError.Of(
        "GROUP_VILLAGE_INVALID", "Desa tidak dikenal atau tidak berada di kabupaten/kota instansi.", "The village is unknown or outside the agency's regency.", "village_code");

    public static UseCaseError PayerInvalid { get; } = UseCaseError.Of(
        "GROUP_PAYER_INVALID", "Pembayar: SELF, APBD, APBN, SPONSOR atau VILLAGE_FUND.", "Payer: SELF, APBD, APBN, SPONSOR or VILLAGE_FUND.", "payer");
}
