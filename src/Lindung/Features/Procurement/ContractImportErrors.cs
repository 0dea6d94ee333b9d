using System.Globalization;
using Lindung.Application;
using Lindung.Domain.Procurement;

namespace Lindung.Features.Procurement;

/// <summary>The named reasons a contract file's row or the file itself is refused, beyond the contract rules in <see cref="ContractErrors"/>.</summary>
internal static class ContractImportErrors
{
    public static readonly UseCaseError ValueUnreadable = UseCaseError.Of(
        "CONTRACT_VALUE_UNREADABLE", "Nilai kontrak harus angka rupiah, mis. 1250000000 atau Rp 1.250.000.000.",
        "The contract value must be a rupiah amount, e.g. 1250000000 or Rp 1.250.000.000.", ContractErrors.ValueField);

    public static readonly UseCaseError ValueTooLarge = UseCaseError.Of(
        "CONTRACT_VALUE_TOO_LARGE", string.Create(CultureInfo.InvariantCulture, $"Nilai kontrak melebihi Rp{ContractColumns.MaxValue:N0}; periksa kolom nilai."),
        string.Create(CultureInfo.InvariantCulture, $"The contract value exceeds Rp{ContractColumns.MaxValue:N0}; check the value column."), ContractErrors.ValueField);

    public static readonly UseCaseError StagesUnreadable = UseCaseError.Of(
        "STAGES_UNREADABLE", "Termin ditulis sebagai persentase atau nilai rupiah dipisah titik koma, mis. 30%; 70%.",
        "Stages are shares or rupiah amounts separated by semicolons, e.g. 30%; 70%.", ContractErrors.StagesField);

    public static readonly UseCaseError AgencyAmbiguous = UseCaseError.Of(
        "AGENCY_AMBIGUOUS", "Kode instansi ada di lebih dari satu wilayah; sebutkan wilayahnya (--region KODE).",
        "The agency code exists in more than one region; name the region (--region CODE).", ContractErrors.AgencyField);

    public static UseCaseError DateUnreadable(string field) => UseCaseError.Of(
        "DATE_UNREADABLE", "Tanggal tidak terbaca; tulis sebagai 2026-03-31 atau 31/03/2026.",
        "The date cannot be read; write it as 2026-03-31 or 31/03/2026.", field);

    public static UseCaseError NumberRepeated(int firstRow) => UseCaseError.Of(
        "CONTRACT_NUMBER_REPEATED", string.Create(CultureInfo.InvariantCulture, $"Nomor kontrak ini sudah ada di baris {firstRow} berkas yang sama."),
        string.Create(CultureInfo.InvariantCulture, $"This contract number is already on row {firstRow} of the same file."), ContractErrors.NumberField);
}
