using Lindung.Application;

namespace Lindung.Features.Procurement;

/// <summary>The named reasons a contract request is refused; each names the request field it concerns.</summary>
internal static class ContractErrors
{
    public const string NumberField = "number";
    public const string AgencyField = "agency_id";
    public const string OfficerField = "commitment_officer";
    public const string ContractorField = "contractor";
    public const string KindField = "kind";
    public const string ValueField = "value";
    public const string StartField = "start_date";
    public const string EndField = "end_date";
    public const string LocationField = "location_code";
    public const string StagesField = "stages";
    public const string StageField = "stage";
    public const string RegistrationField = "registration_number";
    public const string PaidAmountField = "paid_amount";
    public const string PaidDateField = "paid_date";
    public const string NiksField = "niks";

    public const int NumberMax = 100;
    public const int OfficerMax = 200;
    public const int RegistrationMax = 64;
    public const int StagesMax = 24;
    public const int WorkersMax = 2000;

    public static readonly UseCaseError NotFound = UseCaseError.Of(
        "CONTRACT_NOT_FOUND", "Kontrak tidak ditemukan.", "Contract not found.");

    public static readonly UseCaseError NumberRequired = UseCaseError.Of(
        "CONTRACT_NUMBER_REQUIRED", "Isi nomor kontrak.", "Enter the contract number.", NumberField);

    public static readonly UseCaseError NumberTooLong = UseCaseError.Of(
        "CONTRACT_NUMBER_TOO_LONG", $"Nomor kontrak paling banyak {NumberMax} karakter.", $"A contract number has at most {NumberMax} characters.", NumberField);

    public static readonly UseCaseError NumberTaken = UseCaseError.Of(
        "CONTRACT_NUMBER_TAKEN", "Instansi ini sudah mencatat kontrak dengan nomor yang sama.", "This agency already has a contract with this number.", NumberField);

    public static readonly UseCaseError AgencyRequired = UseCaseError.Of(
        "AGENCY_REQUIRED", "Pilih instansi pemilik kontrak.", "Choose the agency that signed the contract.", AgencyField);

    public static readonly UseCaseError AgencyUnknown = UseCaseError.Of(
        "AGENCY_UNKNOWN", "Instansi tidak dikenal atau di luar cakupan Anda.", "The agency is unknown or outside your scope.", AgencyField);

    public static readonly UseCaseError OfficerTooLong = UseCaseError.Of(
        "COMMITMENT_OFFICER_TOO_LONG", $"Nama PPK paling banyak {OfficerMax} karakter.", $"The commitment officer's name has at most {OfficerMax} characters.", OfficerField);

    public static readonly UseCaseError ContractorUnknown = UseCaseError.Of(
        "CONTRACTOR_UNKNOWN", "Tidak ada pemberi kerja dengan NPP, NIB atau NPWP ini di provinsi instansi. Daftarkan penyedia terlebih dahulu.",
        "No employer with this NPP, NIB or NPWP in the agency's province. Register the contractor first.", ContractorField);

    public static readonly UseCaseError KindUnknown = UseCaseError.Of(
        "CONTRACT_KIND_UNKNOWN", "Jenis kontrak harus KONSTRUKSI, JASA_LAINNYA atau BARANG.", "The contract kind must be KONSTRUKSI, JASA_LAINNYA or BARANG.", KindField);

    public static readonly UseCaseError ValueRequired = UseCaseError.Of(
        "CONTRACT_VALUE_REQUIRED", "Isi nilai kontrak (rupiah, tanpa PPN).", "Enter the contract value (rupiah, excluding VAT).", ValueField);

    public static readonly UseCaseError ValueNotPositive = UseCaseError.Of(
        "CONTRACT_VALUE_NOT_POSITIVE", "Nilai kontrak harus lebih dari nol.", "The contract value must be more than zero.", ValueField);

    public static readonly UseCaseError StartRequired = UseCaseError.Of(
        "START_DATE_REQUIRED", "Isi tanggal mulai kontrak.", "Enter the contract's start date.", StartField);

    public static readonly UseCaseError EndRequired = UseCaseError.Of(
        "END_DATE_REQUIRED", "Isi tanggal akhir kontrak.", "Enter the contract's end date.", EndField);

    public static readonly UseCaseError EndBeforeStart = UseCaseError.Of(
        "END_BEFORE_START", "Tanggal akhir kontrak sebelum tanggal mulainya.", "The contract ends before it starts.", EndField);

    public static readonly UseCaseError LocationUnknown = UseCaseError.Of(
        "LOCATION_UNKNOWN", "Lokasi harus kode desa/kelurahan Kemendagri yang dikenal, mis. 35.77.01.1001.",
        "The location must be a known Kemendagri village code, e.g. 35.77.01.1001.", LocationField);

    public static readonly UseCaseError StagesRequired = UseCaseError.Of(
        "STAGES_REQUIRED", $"Isi 1 sampai {StagesMax} termin pembayaran.", $"Enter 1 to {StagesMax} payment stages.", StagesField);

    public static readonly UseCaseError StageNumberInvalid = UseCaseError.Of(
        "STAGE_NUMBER_INVALID", "Setiap termin bernomor 1 atau lebih, tanpa nomor ganda.", "Each stage has a number of 1 or more, none repeated.", StagesField);

    public static readonly UseCaseError StageShareOrAmount = UseCaseError.Of(
        "STAGE_SHARE_OR_AMOUNT", "Setiap termin diisi persentase (lebih dari 0) atau nilai rupiah (lebih dari 0), tidak keduanya.",
        "Each stage has either a share (above 0 %) or an amount (above Rp0), not both.", StagesField);

    public static readonly UseCaseError StageSharesExceed = UseCaseError.Of(
        "STAGE_SHARES_EXCEED", "Jumlah termin melebihi 100% nilai kontrak.", "The stages add up to more than 100 % of the contract value.", StagesField);

    public static readonly UseCaseError JakonRatesMissing = UseCaseError.Of(
        "JAKON_RATES_MISSING", "Tidak ada tarif Jakon yang berlaku pada bulan mulai kontrak.", "No Jakon rates are in force in the contract's first month.", StartField);

    public static readonly UseCaseError NotConstruction = UseCaseError.Of(
        "CONTRACT_NOT_CONSTRUCTION", "Registrasi dan iuran Jakon hanya dicatat pada kontrak KONSTRUKSI.", "Jakon registration and payment are recorded on KONSTRUKSI contracts only.");

    public static readonly UseCaseError RegistrationRequired = UseCaseError.Of(
        "JAKON_REGISTRATION_REQUIRED", "Isi nomor registrasi proyek Jakon.", "Enter the project's Jakon registration number.", RegistrationField);

    public static readonly UseCaseError RegistrationTooLong = UseCaseError.Of(
        "JAKON_REGISTRATION_TOO_LONG", $"Nomor registrasi paling banyak {RegistrationMax} karakter.", $"A registration number has at most {RegistrationMax} characters.", RegistrationField);

    public static readonly UseCaseError PaidNegative = UseCaseError.Of(
        "JAKON_PAID_NEGATIVE", "Iuran yang dibayar tidak boleh negatif.", "The paid contribution cannot be negative.", PaidAmountField);

    public static readonly UseCaseError PaidDateRequired = UseCaseError.Of(
        "JAKON_PAID_DATE_REQUIRED", "Isi tanggal pembayaran iuran Jakon.", "Enter the date the Jakon contribution was paid.", PaidDateField);

    public static readonly UseCaseError PaidDateFuture = UseCaseError.Of(
        "JAKON_PAID_DATE_FUTURE", "Tanggal pembayaran tidak boleh di masa depan.", "The payment date cannot be in the future.", PaidDateField);

    public static readonly UseCaseError NotServices = UseCaseError.Of(
        "CONTRACT_NOT_SERVICES", "Pekerja hanya ditugaskan pada kontrak JASA_LAINNYA.", "Workers are assigned to JASA_LAINNYA contracts only.", NiksField);

    public static readonly UseCaseError TooManyWorkers = UseCaseError.Of(
        "TOO_MANY_WORKERS", $"Paling banyak {WorkersMax} pekerja per kontrak.", $"At most {WorkersMax} workers per contract.", NiksField);

    public static readonly UseCaseError StageRequired = UseCaseError.Of(
        "STAGE_REQUIRED", "Sebutkan nomor termin (stage=N).", "Name the payment stage (stage=N).", StageField);
}
