using Lindung.Data.Entities;

namespace Lindung.Features.Demo;

/// <summary>
/// A job on a demo agency's non-ASN roster: its category, its share of the roster, the monthly wage
/// range in whole rupiah, and the degrees its holders write after their names.
/// </summary>
internal sealed record DemoRole(
    WorkerCategory Category,
    int Weight,
    string[] Positions,
    long MinWage,
    long MaxWage,
    string[] Degrees,
    int DegreePercent = 0)
{
    /// <summary>Daily-paid staff: the monthly wage is the daily wage × 25 (Perdir 22/2022).</summary>
    public static DemoRole Daily(int weight, params string[] positions) =>
        new(WorkerCategory.HarianLepas, weight, positions, 80_000 * 25, 100_000 * 25, []);

    /// <summary>Outsourced staff: vendors pay at least the UMK.</summary>
    public static DemoRole Outsourced(int weight, params string[] positions) =>
        new(WorkerCategory.Outsourcing, weight, positions, DemoRoles.Umk, DemoRoles.Umk + 350_000, []);
}

internal static class DemoRoles
{
    /// <summary>
    /// UMK Kota Madiun 2026, an approximation for demo wages only; the real figure belongs in
    /// admin-edited, effective-dated data.
    /// </summary>
    public const long Umk = 2_450_000;

    private static readonly string[] Nurse = ["A.Md.Kep.", "S.Kep., Ns."];
    private static readonly string[] Midwife = ["A.Md.Keb.", "S.Tr.Keb."];

    public static IReadOnlyList<DemoRole> For(DemoAgency agency) => agency.Staffing switch
    {
        DemoStaffing.Office => Office,
        DemoStaffing.Field => Field(FieldPositions.GetValueOrDefault(agency.Code, ["Petugas lapangan", "Tukang"])),
        DemoStaffing.School => School,
        DemoStaffing.Health => Health,
        DemoStaffing.Hospital => Hospital,
        DemoStaffing.Enforcement => Enforcement(agency.Code == "1.05.01"
            ? ["Anggota Satpol PP (non-ASN)", "Petugas ketertiban umum"]
            : ["Petugas Tim Reaksi Cepat", "Petugas pemadam kebakaran", "Petugas pusdalops"]),
        _ => throw new ArgumentOutOfRangeException(nameof(agency), agency.Staffing, "Unknown staffing."),
    };

    private static readonly Dictionary<string, string[]> FieldPositions = new()
    {
        [DemoAgencies.Dlh] = ["Penyapu jalan", "Petugas pertamanan", "Sopir truk sampah", "Petugas TPA", "Petugas angkut sampah"],
        ["1.03.01"] = ["Petugas drainase", "Tukang", "Operator alat berat", "Petugas pemeliharaan jalan"],
        ["1.04.01"] = ["Petugas PJU", "Petugas makam", "Tukang"],
        ["2.15.01"] = ["Juru parkir", "Petugas pengatur lalu lintas", "Petugas terminal"],
        ["2.19.01"] = ["Penjaga GOR", "Petugas taman wisata", "Petugas kebersihan objek wisata"],
        ["3.27.01"] = ["Penyuluh pertanian (THL)", "Petugas rumah potong hewan", "Petugas kebun bibit"],
        ["3.30.01"] = ["Petugas kebersihan pasar", "Penarik retribusi pasar", "Penjaga keamanan pasar"],
    };

    private static readonly DemoRole[] Office =
    [
        new(WorkerCategory.Honorer, 30, ["Tenaga administrasi"], 1_200_000, 2_200_000, IndonesianNames.OfficeDegrees, 40),
        new(WorkerCategory.Honorer, 8, ["Operator komputer"], 1_300_000, 2_300_000, ["S.Kom.", "A.Md.Kom."], 50),
        new(WorkerCategory.Honorer, 6, ["Pramu bakti"], 1_000_000, 1_600_000, []),
        new(WorkerCategory.Ptt, 10, ["Pengemudi"], 1_800_000, 2_600_000, []),
        new(WorkerCategory.Ptt, 8, ["Staf keuangan"], 1_800_000, 2_600_000, ["S.E.", "S.Ak.", "A.Md."], 60),
        new(WorkerCategory.Kontrak, 12, ["Tenaga teknis"], 2_400_000, 3_500_000, IndonesianNames.OfficeDegrees, 60),
        new(WorkerCategory.Kontrak, 4, ["Analis data"], 2_500_000, 3_500_000, ["S.Kom.", "S.Si.", "S.E."], 80),
        DemoRole.Daily(9, "Petugas kebersihan", "Penjaga malam", "Tukang kebun"),
        DemoRole.Outsourced(13, "Petugas kebersihan (cleaning service)", "Satpam"),
    ];

    private static DemoRole[] Field(string[] positions) =>
    [
        DemoRole.Daily(55, positions),
        new(WorkerCategory.Honorer, 15, ["Tenaga administrasi"], 1_200_000, 2_200_000, IndonesianNames.OfficeDegrees, 30),
        new(WorkerCategory.Ptt, 10, ["Pengemudi", "Mandor"], 1_800_000, 2_600_000, []),
        new(WorkerCategory.Kontrak, 12, ["Tenaga teknis lapangan"], 2_400_000, 3_400_000, ["S.T.", "A.Md.T."], 40),
        DemoRole.Outsourced(8, "Satpam"),
    ];

    private static readonly DemoRole[] School =
    [
        new(WorkerCategory.Gtt, 65, ["Guru kelas", "Guru PJOK", "Guru Bahasa Inggris", "Guru PAI", "Guru Matematika", "Guru Bahasa Jawa", "Guru IPA", "Guru BK"],
            1_000_000, 2_200_000, ["S.Pd."], 100),
        new(WorkerCategory.Ptt, 12, ["Operator sekolah"], 1_200_000, 2_000_000, ["S.Kom.", "A.Md."], 40),
        new(WorkerCategory.Ptt, 8, ["Tenaga administrasi sekolah"], 1_200_000, 1_900_000, IndonesianNames.OfficeDegrees, 30),
        new(WorkerCategory.Ptt, 6, ["Penjaga sekolah"], 1_000_000, 1_600_000, []),
        new(WorkerCategory.Honorer, 5, ["Pustakawan sekolah"], 1_000_000, 1_700_000, ["S.IP.", "A.Md."], 30),
        DemoRole.Daily(4, "Tukang kebun sekolah"),
    ];

    private static readonly DemoRole[] Health =
    [
        new(WorkerCategory.Kontrak, 18, ["Perawat"], 2_300_000, 3_200_000, Nurse, 100),
        new(WorkerCategory.Kontrak, 14, ["Bidan"], 2_300_000, 3_200_000, Midwife, 100),
        new(WorkerCategory.Kontrak, 6, ["Tenaga gizi"], 2_300_000, 3_000_000, ["A.Md.Gz."], 100),
        new(WorkerCategory.Kontrak, 5, ["Sanitarian"], 2_300_000, 3_000_000, ["A.Md.KL."], 100),
        new(WorkerCategory.Kontrak, 5, ["Tenaga promosi kesehatan"], 2_300_000, 3_000_000, ["S.KM."], 100),
        new(WorkerCategory.Honorer, 18, ["Petugas pendaftaran"], 1_300_000, 2_200_000, IndonesianNames.OfficeDegrees, 20),
        new(WorkerCategory.Ptt, 10, ["Sopir ambulans"], 1_800_000, 2_600_000, []),
        DemoRole.Daily(6, "Petugas kebersihan"),
        DemoRole.Outsourced(8, "Petugas kebersihan (cleaning service)"),
    ];

    private static readonly DemoRole[] Hospital =
    [
        new(WorkerCategory.Kontrak, 30, ["Perawat"], 2_600_000, 3_500_000, Nurse, 100),
        new(WorkerCategory.Kontrak, 8, ["Bidan"], 2_600_000, 3_500_000, Midwife, 100),
        new(WorkerCategory.Kontrak, 5, ["Analis laboratorium"], 2_600_000, 3_400_000, ["A.Md.AK."], 100),
        new(WorkerCategory.Kontrak, 3, ["Radiografer"], 2_600_000, 3_400_000, ["A.Md.Rad."], 100),
        new(WorkerCategory.Kontrak, 4, ["Tenaga kefarmasian"], 2_600_000, 3_400_000, ["A.Md.Farm.", "S.Farm."], 100),
        new(WorkerCategory.Kontrak, 2, ["Dokter umum"], 5_000_000, 7_500_000, ["dr."], 100),
        new(WorkerCategory.Kontrak, 6, ["Petugas rekam medis"], 2_500_000, 3_200_000, ["A.Md.RMIK."], 100),
        new(WorkerCategory.Kontrak, 5, ["Tenaga administrasi"], 2_450_000, 3_000_000, IndonesianNames.OfficeDegrees, 40),
        new(WorkerCategory.Honorer, 4, ["Pramu bakti"], 1_500_000, 2_200_000, []),
        DemoRole.Daily(4, "Juru masak instalasi gizi"),
        DemoRole.Outsourced(27, "Petugas kebersihan (cleaning service)", "Satpam", "Petugas laundry", "Juru parkir"),
    ];

    private static DemoRole[] Enforcement(string[] positions) =>
    [
        new(WorkerCategory.Ptt, 50, positions, 1_800_000, 2_600_000, []),
        new(WorkerCategory.Honorer, 20, ["Petugas Linmas"], 1_200_000, 2_000_000, []),
        new(WorkerCategory.Honorer, 12, ["Tenaga administrasi"], 1_200_000, 2_200_000, IndonesianNames.OfficeDegrees, 30),
        new(WorkerCategory.Kontrak, 10, ["Pengemudi"], 2_400_000, 3_000_000, []),
        DemoRole.Daily(8, "Petugas kebersihan"),
    ];
}
