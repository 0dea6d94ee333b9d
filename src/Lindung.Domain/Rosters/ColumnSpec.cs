namespace Lindung.Domain.Rosters;

/// <summary>
/// One column an import understands: its canonical name and the headers agencies and branches
/// actually write for it. Headers are compared folded (<see cref="HeaderMap.Fold"/>), so
/// "No. KTP", "NO KTP" and "no_ktp" are one alias.
/// </summary>
public sealed record ColumnSpec(string Name, bool Required, IReadOnlyList<string> Aliases)
{
    public static ColumnSpec Mandatory(string name, params string[] aliases) => new(name, true, [name, .. aliases]);

    public static ColumnSpec Optional(string name, params string[] aliases) => new(name, false, [name, .. aliases]);
}

/// <summary>The columns of an agency roster of non-ASN staff (one row per worker).</summary>
public static class RosterColumns
{
    public const string Nik = "nik";
    public const string Nama = "nama";
    public const string TanggalLahir = "tanggal_lahir";
    public const string JenisKelamin = "jenis_kelamin";
    public const string KodeWilayah = "kode_wilayah";
    public const string Instansi = "instansi";
    public const string Kategori = "kategori";
    public const string Upah = "upah";
    public const string Jabatan = "jabatan";
    public const string TanggalMulai = "tanggal_mulai";
    public const string SumberDana = "sumber_dana";
    public const string NoHp = "no_hp";
    public const string PasporKitas = CommonAliases.PasporKitasName;
    public const string Kewarganegaraan = CommonAliases.KewarganegaraanName;

    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        ColumnSpec.Mandatory(Nik, CommonAliases.Nik),
        ColumnSpec.Mandatory(Nama, CommonAliases.Nama),
        ColumnSpec.Mandatory(TanggalLahir, CommonAliases.TanggalLahir),
        ColumnSpec.Mandatory(JenisKelamin, CommonAliases.JenisKelamin),
        ColumnSpec.Mandatory(KodeWilayah, "Kode Wilayah", "Kode Kecamatan", "Kode Desa", "Kode Kelurahan", "Kode Area", "Wilayah"),
        ColumnSpec.Mandatory(Instansi, "OPD", "SKPD", "Unit Kerja", "Perangkat Daerah", "Dinas", "Nama Instansi"),
        ColumnSpec.Mandatory(Kategori, "Status Pegawai", "Status Kepegawaian", "Jenis Pegawai", "Kategori Pegawai", "Category"),
        ColumnSpec.Mandatory(Upah, "Gaji", "Honor", "Honorarium", "Upah Bulanan", "Gaji Pokok", "Upah (Rp)", "Wage", "Salary"),
        ColumnSpec.Optional(Jabatan, "Posisi", "Position"),
        ColumnSpec.Optional(TanggalMulai, "TMT", "Tgl Mulai", "Mulai Kerja", "Tanggal Masuk"),
        ColumnSpec.Optional(SumberDana, "Dana", "Sumber Anggaran"),
        ColumnSpec.Optional(NoHp, "HP", "Nomor HP", "No. Telp", "Telepon", "Handphone", "Phone"),
        ColumnSpec.Optional(PasporKitas, CommonAliases.PasporKitas),
        ColumnSpec.Optional(Kewarganegaraan, CommonAliases.Kewarganegaraan),
    ];
}

/// <summary>The columns of a BPJS Ketenagakerjaan membership extract (one row per KPJ).</summary>
public static class MemberColumns
{
    public const string Kpj = "kpj";
    public const string Nik = "nik";
    public const string Nama = "nama";
    public const string TanggalLahir = "tanggal_lahir";
    public const string JenisKelamin = "jenis_kelamin";
    public const string Segmen = "segmen";
    public const string Npp = "npp";
    public const string Status = "status";
    public const string Program = "program";
    public const string UpahDilaporkan = "upah_dilaporkan";
    public const string TanggalKepesertaan = "tanggal_kepesertaan";
    public const string BulanIuranTerakhir = "bulan_iuran_terakhir";
    public const string PasporKitas = CommonAliases.PasporKitasName;
    public const string Kewarganegaraan = CommonAliases.KewarganegaraanName;

    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        ColumnSpec.Mandatory(Kpj, CommonAliases.Kpj),
        ColumnSpec.Mandatory(Nik, CommonAliases.Nik),
        ColumnSpec.Mandatory(Nama, [.. CommonAliases.Nama, "Nama TK", "Nama Tenaga Kerja"]),
        ColumnSpec.Mandatory(TanggalLahir, CommonAliases.TanggalLahir),
        ColumnSpec.Mandatory(JenisKelamin, CommonAliases.JenisKelamin),
        ColumnSpec.Mandatory(Segmen, "Segment", "Segmen Peserta", "Jenis Kepesertaan"),
        ColumnSpec.Mandatory(Npp, "No. NPP", "Nomor Pendaftaran Perusahaan", "Nomor Pokok Perusahaan"),
        ColumnSpec.Mandatory(Status, "Status Peserta", "Status Kepesertaan", "Status Aktif"),
        ColumnSpec.Mandatory(Program, "Programs", "Program Diikuti", "Jenis Program"),
        ColumnSpec.Mandatory(UpahDilaporkan, "Upah Dilaporkan", "Upah Lapor", "Upah", "Gaji Dilaporkan", "Reported Wage"),
        ColumnSpec.Optional(TanggalKepesertaan, "Tgl Kepesertaan", "TMT Kepesertaan", "Tanggal Terdaftar", "Tgl Daftar"),
        ColumnSpec.Optional(BulanIuranTerakhir, "Iuran Terakhir", "Bln Iuran Terakhir", "Bulan Iuran Terakhir"),
        ColumnSpec.Optional(PasporKitas, CommonAliases.PasporKitas),
        ColumnSpec.Optional(Kewarganegaraan, CommonAliases.Kewarganegaraan),
    ];
}

internal static class CommonAliases
{
    /// <summary>A foreign worker's travel document: the NIK column stays blank for them.</summary>
    public const string PasporKitasName = "paspor_kitas";

    public const string KewarganegaraanName = "kewarganegaraan";

    public static readonly string[] PasporKitas =
        ["Paspor", "No. Paspor", "Nomor Paspor", "KITAS", "No. KITAS", "Nomor KITAS", "Paspor/KITAS", "Passport", "Passport No", "Passport Number"];

    public static readonly string[] Kewarganegaraan = ["Warga Negara", "Kebangsaan", "Negara Asal", "WN", "Nationality", "Citizenship"];

    public static readonly string[] Kpj = ["No. KPJ", "Nomor KPJ", "No Kartu", "No. Peserta", "Nomor Peserta", "Nomor Kartu Peserta"];

    public static readonly string[] Nik = ["NIK KTP", "No. KTP", "Nomor KTP", "No. NIK", "Nomor NIK", "KTP", "Nomor Induk Kependudukan"];

    public static readonly string[] Nama = ["Nama Lengkap", "Nama Pegawai", "Nama Pekerja", "Nama Peserta", "Name", "Full Name"];

    public static readonly string[] TanggalLahir = ["Tgl Lahir", "Tgl. Lahir", "Tanggal Lahir", "Tgl Lhr", "Birth Date", "Date of Birth", "DOB"];

    public static readonly string[] JenisKelamin = ["JK", "Jenis Kelamin", "L/P", "Kelamin", "Sex", "Gender"];
}
