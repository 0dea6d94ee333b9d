using Lindung.Data.Entities;

namespace Lindung.Features.Demo;

/// <summary>
/// The OPD of the demo region (Kota Madiun), coded by urusan after Permendagri 90/2019
/// (1.01 pendidikan, 1.02 kesehatan, … 7.01 kecamatan); sub-units carry their parent's code plus a
/// suffix. <see cref="Weight"/> is the agency's share of the non-ASN roster; <see cref="Covered"/> and
/// <see cref="Arrears"/> the share of its roster with an active, respectively lapsed, PU membership,
/// so the demo shows green, yellow and red agencies side by side.
/// </summary>
internal sealed record DemoAgency(
    string Code,
    string Name,
    AgencyKind Kind,
    string? ParentCode,
    int Weight,
    double Covered,
    double Arrears,
    DemoStaffing Staffing,
    string? Institution = null);

/// <summary>What kind of non-ASN staff an agency employs, which decides categories, positions and wages.</summary>
internal enum DemoStaffing
{
    Office,
    Field,
    School,
    Health,
    Hospital,
    Enforcement,
}

internal static class DemoAgencies
{
    public const string DinasPendidikan = "1.01.01";
    public const string DinasKesehatan = "1.02.01";
    public const string Rsud = "1.02.02";
    public const string Disnaker = "2.07.01";
    public const string Dlh = "2.11.01";
    public const string Kemenag = "KEMENAG.3577";
    public const string Madrasah = "KEMENAG.3577.MAN1";

    public static readonly IReadOnlyList<DemoAgency> All =
    [
        new("4.01.01", "Sekretariat Daerah", AgencyKind.Sekretariat, null, 90, 0.97, 0.01, DemoStaffing.Office),
        new("4.02.01", "Sekretariat DPRD", AgencyKind.Sekretariat, null, 45, 0.93, 0.03, DemoStaffing.Office),
        new("6.01.01", "Inspektorat Daerah", AgencyKind.Other, null, 15, 1.00, 0.00, DemoStaffing.Office),
        new("5.01.01", "Badan Perencanaan Pembangunan Daerah", AgencyKind.Badan, null, 20, 0.95, 0.00, DemoStaffing.Office),
        new("5.02.01", "Badan Pengelolaan Keuangan dan Aset Daerah", AgencyKind.Badan, null, 30, 0.97, 0.00, DemoStaffing.Office),
        new("5.02.02", "Badan Pendapatan Daerah", AgencyKind.Badan, null, 35, 0.86, 0.05, DemoStaffing.Office),
        new("5.03.01", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", AgencyKind.Badan, null, 18, 0.96, 0.00, DemoStaffing.Office),
        new("1.05.02", "Badan Penanggulangan Bencana Daerah", AgencyKind.Badan, null, 45, 0.72, 0.08, DemoStaffing.Enforcement),
        new("8.01.01", "Badan Kesatuan Bangsa dan Politik", AgencyKind.Badan, null, 12, 0.83, 0.00, DemoStaffing.Office),
        new(DinasPendidikan, "Dinas Pendidikan", AgencyKind.Dinas, null, 35, 0.91, 0.03, DemoStaffing.Office),
        new(DinasKesehatan, "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana", AgencyKind.Dinas, null, 40, 0.90, 0.03, DemoStaffing.Health),
        new(Rsud, "RSUD Kota Madiun", AgencyKind.Rsud, null, 330, 0.88, 0.04, DemoStaffing.Hospital),
        new("1.03.01", "Dinas Pekerjaan Umum dan Penataan Ruang", AgencyKind.Dinas, null, 140, 0.58, 0.10, DemoStaffing.Field),
        new("1.04.01", "Dinas Perumahan dan Kawasan Permukiman", AgencyKind.Dinas, null, 60, 0.66, 0.08, DemoStaffing.Field),
        new("1.05.01", "Satuan Polisi Pamong Praja", AgencyKind.Other, null, 110, 0.80, 0.06, DemoStaffing.Enforcement),
        new("1.06.01", "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", AgencyKind.Dinas, null, 40, 0.75, 0.05, DemoStaffing.Office),
        new(Disnaker, "Dinas Tenaga Kerja", AgencyKind.Dinas, null, 22, 1.00, 0.00, DemoStaffing.Office),
        new(Dlh, "Dinas Lingkungan Hidup", AgencyKind.Dinas, null, 260, 0.38, 0.12, DemoStaffing.Field),
        new("2.12.01", "Dinas Kependudukan dan Pencatatan Sipil", AgencyKind.Dinas, null, 35, 0.94, 0.03, DemoStaffing.Office),
        new("2.15.01", "Dinas Perhubungan", AgencyKind.Dinas, null, 150, 0.46, 0.14, DemoStaffing.Field),
        new("2.16.01", "Dinas Komunikasi dan Informatika", AgencyKind.Dinas, null, 30, 0.93, 0.00, DemoStaffing.Office),
        new("2.17.01", "Dinas Koperasi dan Usaha Mikro", AgencyKind.Dinas, null, 18, 0.78, 0.06, DemoStaffing.Office),
        new("2.18.01", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", AgencyKind.Dinas, null, 25, 0.96, 0.00, DemoStaffing.Office),
        new("2.19.01", "Dinas Kebudayaan, Pariwisata, Kepemudaan dan Olahraga", AgencyKind.Dinas, null, 70, 0.55, 0.10, DemoStaffing.Field),
        new("2.23.01", "Dinas Perpustakaan dan Kearsipan", AgencyKind.Dinas, null, 25, 0.84, 0.04, DemoStaffing.Office),
        new("3.27.01", "Dinas Pertanian dan Ketahanan Pangan", AgencyKind.Dinas, null, 35, 0.69, 0.09, DemoStaffing.Field),
        new("3.30.01", "Dinas Perdagangan", AgencyKind.Dinas, null, 90, 0.52, 0.12, DemoStaffing.Field),
        new("7.01.01", "Kecamatan Kartoharjo", AgencyKind.Kecamatan, null, 20, 0.90, 0.05, DemoStaffing.Office),
        new("7.01.02", "Kecamatan Manguharjo", AgencyKind.Kecamatan, null, 20, 0.85, 0.05, DemoStaffing.Office),
        new("7.01.03", "Kecamatan Taman", AgencyKind.Kecamatan, null, 20, 0.70, 0.10, DemoStaffing.Office),
        new("7.01.01.1008", "Kelurahan Kartoharjo", AgencyKind.Kelurahan, "7.01.01", 10, 0.80, 0.10, DemoStaffing.Office),
        new("7.01.01.1003", "Kelurahan Klegen", AgencyKind.Kelurahan, "7.01.01", 10, 0.60, 0.10, DemoStaffing.Office),
        new("7.01.02.1006", "Kelurahan Madiun Lor", AgencyKind.Kelurahan, "7.01.02", 10, 0.90, 0.00, DemoStaffing.Office),
        new("7.01.02.1008", "Kelurahan Nambangan Lor", AgencyKind.Kelurahan, "7.01.02", 10, 0.50, 0.10, DemoStaffing.Office),
        new("7.01.03.1009", "Kelurahan Taman", AgencyKind.Kelurahan, "7.01.03", 10, 0.70, 0.10, DemoStaffing.Office),
        new("7.01.03.1008", "Kelurahan Demangan", AgencyKind.Kelurahan, "7.01.03", 10, 1.00, 0.00, DemoStaffing.Office),
        new("1.02.01.01", "Puskesmas Oro-oro Ombo", AgencyKind.Other, DinasKesehatan, 40, 0.92, 0.03, DemoStaffing.Health),
        new("1.02.01.02", "Puskesmas Demangan", AgencyKind.Other, DinasKesehatan, 40, 0.88, 0.05, DemoStaffing.Health),
        new("1.02.01.03", "Puskesmas Banjarejo", AgencyKind.Other, DinasKesehatan, 35, 0.82, 0.06, DemoStaffing.Health),
        new("1.02.01.04", "Puskesmas Manguharjo", AgencyKind.Other, DinasKesehatan, 35, 0.74, 0.06, DemoStaffing.Health),
        new("1.02.01.05", "Puskesmas Patihan", AgencyKind.Other, DinasKesehatan, 30, 0.97, 0.00, DemoStaffing.Health),
        new("1.01.01.S01", "SD Negeri 01 Kartoharjo", AgencyKind.Sekolah, DinasPendidikan, 40, 0.65, 0.05, DemoStaffing.School),
        new("1.01.01.S02", "SD Negeri 02 Nambangan Kidul", AgencyKind.Sekolah, DinasPendidikan, 38, 0.45, 0.08, DemoStaffing.School),
        new("1.01.01.S03", "SD Negeri 01 Josenan", AgencyKind.Sekolah, DinasPendidikan, 36, 0.80, 0.05, DemoStaffing.School),
        new("1.01.01.S04", "SD Negeri 03 Taman", AgencyKind.Sekolah, DinasPendidikan, 34, 0.55, 0.10, DemoStaffing.School),
        new("1.01.01.S05", "SD Negeri 02 Madiun Lor", AgencyKind.Sekolah, DinasPendidikan, 34, 0.97, 0.00, DemoStaffing.School),
        new("1.01.01.S06", "SD Negeri 01 Manisrejo", AgencyKind.Sekolah, DinasPendidikan, 32, 0.70, 0.06, DemoStaffing.School),
        new("1.01.01.P01", "SMP Negeri 1 Madiun", AgencyKind.Sekolah, DinasPendidikan, 60, 0.85, 0.03, DemoStaffing.School),
        new("1.01.01.P02", "SMP Negeri 2 Madiun", AgencyKind.Sekolah, DinasPendidikan, 55, 0.60, 0.08, DemoStaffing.School),
        new("1.01.01.P05", "SMP Negeri 5 Madiun", AgencyKind.Sekolah, DinasPendidikan, 50, 0.52, 0.10, DemoStaffing.School),
        new("1.01.01.P13", "SMP Negeri 13 Madiun", AgencyKind.Sekolah, DinasPendidikan, 45, 0.76, 0.05, DemoStaffing.School),

        // Vertical institutions: the ministry's office and its madrasahs keep their own rosters and operators.
        new(Kemenag, "Kantor Kementerian Agama Kota Madiun", AgencyKind.Vertikal, null, 20, 0.85, 0.05, DemoStaffing.Office, "Kementerian Agama"),
        new(Madrasah, "MAN 1 Kota Madiun", AgencyKind.Madrasah, Kemenag, 40, 0.55, 0.08, DemoStaffing.School, "Kementerian Agama"),
        new("KEMENAG.3577.MTSN1", "MTsN 1 Kota Madiun", AgencyKind.Madrasah, Kemenag, 32, 0.42, 0.10, DemoStaffing.School, "Kementerian Agama"),
        new("BPS.3577", "BPS Kota Madiun", AgencyKind.Vertikal, null, 15, 0.73, 0.00, DemoStaffing.Office, "Badan Pusat Statistik"),
    ];
}
