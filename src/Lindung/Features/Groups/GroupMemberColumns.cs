using Lindung.Domain.Rosters;

namespace Lindung.Features.Groups;

/// <summary>The columns of a group's member list, by the names villages and agencies write them.</summary>
internal static class GroupMemberColumns
{
    public const string Nik = "nik";
    public const string Nama = "nama";
    public const string Pekerjaan = "pekerjaan";
    public const string Penghasilan = "penghasilan";
    public const string Sektor = "sektor";

    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        ColumnSpec.Mandatory(Nik, "no_ktp", "nomor_induk_kependudukan", "no_nik"),
        ColumnSpec.Mandatory(Nama, "nama_lengkap", "nama_anggota", "name"),
        ColumnSpec.Optional(Pekerjaan, "profesi", "jenis_pekerjaan", "occupation"),
        ColumnSpec.Optional(Penghasilan, "pendapatan", "penghasilan_per_bulan", "income"),
        ColumnSpec.Optional(Sektor, "sector", "bidang"),
    ];
}
