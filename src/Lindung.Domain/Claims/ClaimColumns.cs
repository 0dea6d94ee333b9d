using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Claims;

/// <summary>
/// The columns of a BPJS Ketenagakerjaan branch's claims extract (one row per claim), with the
/// headers branches write; headers are compared folded (<see cref="HeaderMap.Fold"/>). The branch's
/// claim number is the row's key.
/// </summary>
public static class ClaimColumns
{
    public const string Nomor = "nomor_klaim";
    public const string Nik = "nik";
    public const string Kpj = "kpj";
    public const string Jenis = "jenis_klaim";
    public const string Meninggal = "meninggal";
    public const string TanggalKejadian = "tanggal_kejadian";
    public const string TanggalPengajuan = "tanggal_pengajuan";
    public const string TanggalDokumenLengkap = "tanggal_dokumen_lengkap";
    public const string Status = "status";
    public const string TanggalBayar = "tanggal_bayar";
    public const string NominalBayar = "nominal_bayar";
    public const string Upah = "upah";

    /// <summary>The longest claim number kept; a longer cell is a slip (two cells run together).</summary>
    public const int NumberMax = 50;

    /// <summary>
    /// The largest amount paid read, Rp100 billion: far above any one benefit (a JKK death is 48 ×
    /// the wage plus Rp22 million), so a larger cell is a slip, refused instead of stored.
    /// </summary>
    public const long MaxAmount = 100_000_000_000;

    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        ColumnSpec.Mandatory(Nomor, "No Klaim", "No. Klaim", "Nomor Klaim", "No Pengajuan Klaim", "Nomor Pengajuan", "ID Klaim", "Claim Number", "Claim No"),
        ColumnSpec.Mandatory(Nik, CommonAliases.Nik),
        ColumnSpec.Optional(Kpj, CommonAliases.Kpj),
        ColumnSpec.Mandatory(Jenis, "Jenis Klaim", "Program", "Jenis Program", "Jenis Manfaat", "Program Klaim", "Claim Kind", "Kind"),
        ColumnSpec.Optional(Meninggal, "Meninggal", "Meninggal Dunia", "Death", "Died"),
        ColumnSpec.Mandatory(TanggalKejadian, "Tgl Kejadian", "Tgl. Kejadian", "Tanggal Kejadian", "Tgl Kecelakaan", "Tanggal Kecelakaan", "Event Date"),
        ColumnSpec.Optional(TanggalPengajuan, "Tgl Pengajuan", "Tgl. Pengajuan", "Tanggal Pengajuan", "Tgl Klaim", "Tanggal Klaim", "Claim Date"),
        ColumnSpec.Optional(TanggalDokumenLengkap, "Tgl Dokumen Lengkap", "Tgl. Dokumen Lengkap", "Tanggal Dokumen Lengkap", "Tgl Berkas Lengkap", "Tanggal Berkas Lengkap", "Documents Complete"),
        ColumnSpec.Mandatory(Status, "Status Klaim", "Status Pengajuan", "Claim Status"),
        ColumnSpec.Optional(TanggalBayar, "Tgl Bayar", "Tgl. Bayar", "Tanggal Bayar", "Tgl Pembayaran", "Tanggal Pembayaran", "Tgl Dibayar", "Paid Date", "Paid On"),
        ColumnSpec.Optional(NominalBayar, "Nominal Bayar", "Jumlah Dibayar", "Jumlah Bayar", "Nominal Pembayaran", "Nilai Bayar", "Nominal", "Paid Amount"),
        ColumnSpec.Optional(Upah, "Upah Dilaporkan", "Upah Terakhir", "Upah Bulanan", "Wage"),
    ];

    private static readonly Dictionary<string, ClaimKind> KindAliases = new(StringComparer.Ordinal)
    {
        ["jkk"] = ClaimKind.Jkk,
        ["jaminankecelakaankerja"] = ClaimKind.Jkk,
        ["kecelakaankerja"] = ClaimKind.Jkk,
        ["jkm"] = ClaimKind.Jkm,
        ["jaminankematian"] = ClaimKind.Jkm,
        ["kematian"] = ClaimKind.Jkm,
        ["jht"] = ClaimKind.Jht,
        ["jaminanharitua"] = ClaimKind.Jht,
        ["jp"] = ClaimKind.Jp,
        ["jaminanpensiun"] = ClaimKind.Jp,
        ["pensiun"] = ClaimKind.Jp,
    };

    private static readonly Dictionary<string, ClaimStatus> StatusAliases = new(StringComparer.Ordinal)
    {
        ["reported"] = ClaimStatus.Reported,
        ["dilaporkan"] = ClaimStatus.Reported,
        ["lapor"] = ClaimStatus.Reported,
        ["baru"] = ClaimStatus.Reported,
        ["submitted"] = ClaimStatus.Submitted,
        ["diajukan"] = ClaimStatus.Submitted,
        ["pengajuan"] = ClaimStatus.Submitted,
        ["proses"] = ClaimStatus.Submitted,
        ["diproses"] = ClaimStatus.Submitted,
        ["verifikasi"] = ClaimStatus.Submitted,
        ["complete"] = ClaimStatus.Complete,
        ["lengkap"] = ClaimStatus.Complete,
        ["dokumenlengkap"] = ClaimStatus.Complete,
        ["berkaslengkap"] = ClaimStatus.Complete,
        ["paid"] = ClaimStatus.Paid,
        ["dibayar"] = ClaimStatus.Paid,
        ["dibayarkan"] = ClaimStatus.Paid,
        ["terbayar"] = ClaimStatus.Paid,
        ["lunas"] = ClaimStatus.Paid,
        ["rejected"] = ClaimStatus.Rejected,
        ["ditolak"] = ClaimStatus.Rejected,
        ["tolak"] = ClaimStatus.Rejected,
    };

    /// <summary>
    /// The kind for a cell as branches write it ("JKK", "Jaminan Kematian", "Kecelakaan Kerja"); null
    /// when no alias matches, so the claim rules name it invalid.
    /// </summary>
    public static ClaimKind? Kind(string? cell) =>
        KindAliases.TryGetValue(HeaderMap.Fold(cell ?? string.Empty), out var kind) ? kind : null;

    /// <summary>The status for a cell as branches write it ("Diajukan", "Dokumen Lengkap", "Dibayar", "Ditolak", or the codes); null when unknown.</summary>
    public static ClaimStatus? StatusOf(string? cell) =>
        StatusAliases.TryGetValue(HeaderMap.Fold(cell ?? string.Empty), out var status) ? status : null;

    /// <summary>The death mark: "Ya", "Y", "1", "Meninggal" are true; "Tidak", "T", "N", "0" and an empty cell false; anything else null.</summary>
    public static bool? Death(string? cell) => HeaderMap.Fold(cell ?? string.Empty) switch
    {
        "ya" or "y" or "yes" or "1" or "true" or "meninggal" or "meninggaldunia" => true,
        "" or "tidak" or "t" or "n" or "no" or "0" or "false" or "hidup" => false,
        _ => null,
    };

    /// <summary>
    /// A NIK or KPJ cell cleaned as roster imports clean a NIK (Excel's text apostrophe, separators, a
    /// trailing ".0", scientific notation that kept every digit); a cell whose digits are lost
    /// (3.57701E+15) comes back as written, so it names nobody.
    /// </summary>
    public static string Identifier(string? cell) =>
        NikRepair.Clean(cell, out var cleaned) == NikRepair.Outcome.Repaired ? cleaned : (cell ?? string.Empty).Trim();
}
