using Lindung.Domain.Rosters;

namespace Lindung.Domain.Areas;

/// <summary>
/// The columns of a village population file (one row per desa/kelurahan), as village offices and
/// the civil registry (Dukcapil) tabulate it; headers are compared folded (<see cref="HeaderMap.Fold"/>).
/// </summary>
public static class VillagePopulationColumns
{
    public const string KodeDesa = "kode_desa";
    public const string PendudukUsiaKerja = "penduduk_usia_kerja";
    public const string PerTanggal = "per_tanggal";

    /// <summary>The largest working-age population a village can have; more is a slip (a whole regency's figure).</summary>
    public const int MaxPopulation = 10_000_000;

    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        ColumnSpec.Mandatory(KodeDesa, "Kode Desa", "Kode Kelurahan", "Kode Desa/Kelurahan", "Kode Desa Kelurahan", "Kode Wilayah", "Kode Kemendagri", "Village Code"),
        ColumnSpec.Mandatory(PendudukUsiaKerja, "Penduduk Usia Kerja", "Jumlah Penduduk Usia Kerja", "Usia Kerja", "Penduduk Usia 15-64", "Penduduk 15-64", "Working Age Population"),
        ColumnSpec.Optional(PerTanggal, "Per Tanggal", "Tanggal Data", "Keadaan Per", "Tanggal", "As Of"),
    ];
}
