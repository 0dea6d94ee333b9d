using Lindung.Application;

namespace Lindung.Features.Users;

/// <summary>Why a user was not created or changed. Fields name the request property concerned.</summary>
internal static class UserErrors
{
    public const string EmailField = "email";
    public const string RoleField = "role";
    public const string AgencyField = "agency";
    public const string RegionsField = "regions";
    public const string WholeInstallationField = "whole_installation";
    public const string PasswordField = "password";

    public static UseCaseError EmailInvalid { get; } = UseCaseError.Of(
        "EMAIL_INVALID", "Masukkan alamat email yang valid.", "Enter a valid email address.", EmailField);

    public static UseCaseError EmailTaken { get; } = UseCaseError.Of(
        "EMAIL_TAKEN", "Email ini sudah terdaftar sebagai pengguna.", "This email already belongs to a user.", EmailField);

    public static UseCaseError RoleUnknown { get; } = UseCaseError.Of(
        "ROLE_UNKNOWN", "Peran tidak dikenal. Pilih salah satu peran Lindung.", "Unknown role. Choose one of Lindung's roles.", RoleField);

    public static UseCaseError RoleTooStrong { get; } = UseCaseError.Of(
        "ROLE_TOO_STRONG", "Anda tidak dapat memberikan peran yang lebih kuat daripada peran Anda sendiri.",
        "You cannot grant a role stronger than your own.", RoleField);

    public static UseCaseError AgencyUnknown { get; } = UseCaseError.Of(
        "AGENCY_UNKNOWN", "Instansi tidak ditemukan.", "Agency not found.", AgencyField);

    public static UseCaseError AgencyAmbiguous { get; } = UseCaseError.Of(
        "AGENCY_AMBIGUOUS", "Kode instansi ini dipakai di lebih dari satu wilayah; ubah kodenya terlebih dahulu.",
        "This agency code is used in more than one region; change the code first.", AgencyField);

    public static UseCaseError AgencyRequired { get; } = UseCaseError.Of(
        "AGENCY_REQUIRED", "Operator OPD dan pejabat pembuat komitmen harus terhubung dengan satu instansi.", "An agency operator or commitment officer must belong to one agency.", AgencyField);

    public static UseCaseError RegionUnknown { get; } = UseCaseError.Of(
        "REGION_UNKNOWN", "Kode wilayah tidak dikenal. Gunakan kode Kemendagri kabupaten/kota atau lebih rinci, mis. 35.77.",
        "Unknown region code. Use a Kemendagri regency/city code or finer, e.g. 35.77.", RegionsField);

    public static UseCaseError RegionOutOfScope { get; } = UseCaseError.Of(
        "REGION_OUT_OF_SCOPE", "Kode wilayah berada di luar wilayah kewenangan Anda.",
        "The region code is outside the regions you administer.", RegionsField);

    public static UseCaseError RegionsRequired { get; } = UseCaseError.Of(
        "REGIONS_REQUIRED", "Petugas kantor cabang memerlukan setidaknya satu kode wilayah.",
        "A branch officer needs at least one region code.", RegionsField);

    /// <summary>A scoped admin may only create users inside its own regions, and a user without region or agency is inside none.</summary>
    public static UseCaseError ScopeRequired { get; } = UseCaseError.Of(
        "SCOPE_REQUIRED", "Pengguna baru memerlukan setidaknya satu kode wilayah atau instansi di dalam wilayah kewenangan Anda.",
        "The new user needs at least one region code or an agency inside the regions you administer.", RegionsField);

    public static UseCaseError WholeInstallationNotAllowed { get; } = UseCaseError.Of(
        "WHOLE_INSTALLATION_NOT_ALLOWED", "Hanya admin seluruh instalasi yang dapat memberikan cakupan seluruh instalasi.",
        "Only a whole-installation admin can grant the whole-installation scope.", WholeInstallationField);

    public static UseCaseError WholeInstallationWithScope { get; } = UseCaseError.Of(
        "WHOLE_INSTALLATION_WITH_SCOPE", "Cakupan seluruh instalasi tidak digabung dengan kode wilayah atau instansi.",
        "The whole-installation scope is not combined with region codes or an agency.", WholeInstallationField);

    public static UseCaseError PasswordRejected(string detail) => UseCaseError.Of(
        "PASSWORD_REJECTED", $"Kata sandi ditolak: {detail}", $"The password was rejected: {detail}", PasswordField);

    public static UseCaseError UserRejected(string detail) => UseCaseError.Of(
        "USER_REJECTED", $"Pengguna tidak dapat dibuat: {detail}", $"The user could not be created: {detail}");
}
