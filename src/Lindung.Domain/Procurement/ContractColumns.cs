using Lindung.Domain.Rosters;

namespace Lindung.Domain.Procurement;

/// <summary>
/// The columns of an agency's contract file as procurement systems export it (one row per
/// contract), with the headers they write; headers are compared folded (<see cref="HeaderMap.Fold"/>).
/// </summary>
public static class ContractColumns
{
    public const string Nomor = "nomor_kontrak";
    public const string Penyedia = "penyedia";
    public const string Jenis = "jenis";
    public const string Nilai = "nilai";
    public const string TanggalMulai = "tanggal_mulai";
    public const string TanggalSelesai = "tanggal_selesai";
    public const string KodeLokasi = "kode_lokasi";
    public const string Ppk = "ppk";
    public const string Termin = "termin";

    /// <summary>
    /// The largest contract value read, Rp100 trillion: far above any regional contract, so a larger
    /// cell is a slip (an account number in the value column), refused instead of stored.
    /// </summary>
    public const long MaxValue = 100_000_000_000_000;

    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        ColumnSpec.Mandatory(Nomor, "Nomor Kontrak", "No. Kontrak", "No Kontrak", "Nomor SPK", "No. SPK", "Nomor Perjanjian", "No. Perjanjian", "Nomor", "Contract Number", "Contract No"),
        ColumnSpec.Mandatory(Penyedia, "Penyedia", "Rekanan", "Kontraktor", "ID Penyedia", "NIB Penyedia", "NPWP Penyedia", "NPP Penyedia", "NIB", "NPWP", "NPP", "Contractor"),
        ColumnSpec.Mandatory(Jenis, "Jenis Kontrak", "Jenis Pengadaan", "Jenis Pekerjaan", "Kind", "Contract Kind", "Type"),
        ColumnSpec.Mandatory(Nilai, "Nilai Kontrak", "Nilai Kontrak (Rp)", "Nilai (Rp)", "Harga Kontrak", "Nilai SPK", "Value", "Contract Value"),
        ColumnSpec.Mandatory(TanggalMulai, "Tanggal Mulai", "Tgl Mulai", "Tgl. Mulai", "Mulai", "Tanggal Kontrak", "Start Date", "Start"),
        ColumnSpec.Mandatory(TanggalSelesai, "Tanggal Selesai", "Tgl Selesai", "Tgl. Selesai", "Tanggal Akhir", "Tgl Akhir", "Selesai", "End Date", "End"),
        ColumnSpec.Mandatory(KodeLokasi, "Kode Lokasi", "Kode Desa", "Kode Kelurahan", "Lokasi", "Lokasi Pekerjaan", "Location Code", "Location"),
        ColumnSpec.Optional(Ppk, "PPK", "Pejabat Pembuat Komitmen", "Nama PPK", "Commitment Officer"),
        ColumnSpec.Optional(Termin, "Termin", "Tahapan Pembayaran", "Tahap Pembayaran", "Termin Pembayaran", "Stages"),
    ];

    private static readonly Dictionary<string, ContractKind> KindAliases = new(StringComparer.Ordinal)
    {
        ["konstruksi"] = ContractKind.Konstruksi,
        ["pekerjaankonstruksi"] = ContractKind.Konstruksi,
        ["jasakonstruksi"] = ContractKind.Konstruksi,
        ["construction"] = ContractKind.Konstruksi,
        ["jasalainnya"] = ContractKind.JasaLainnya,
        ["jasalain"] = ContractKind.JasaLainnya,
        ["otherservices"] = ContractKind.JasaLainnya,
        ["barang"] = ContractKind.Barang,
        ["pengadaanbarang"] = ContractKind.Barang,
        ["goods"] = ContractKind.Barang,
    };

    /// <summary>
    /// The kind's code for a cell as procurement systems write it ("Pekerjaan Konstruksi", "Jasa
    /// Lainnya", "Pengadaan Barang", the codes themselves); the cell unchanged when no alias
    /// matches, so the contract rules name it unknown.
    /// </summary>
    public static string KindCode(string cell) =>
        KindAliases.TryGetValue(HeaderMap.Fold(cell ?? string.Empty), out var kind) ? ContractKinds.Code(kind) : cell ?? string.Empty;
}
