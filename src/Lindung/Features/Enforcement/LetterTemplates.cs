using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// The wording of each letter kind: the shipped default (the text Lindung has always sent) and a
/// regency's own versions in <c>enforcement_letter_templates</c>, the one in force on the issue day
/// winning. Also which placeholders each kind may use: the case's facts every letter has, the
/// deadline for the letters that set one, the SKK's facts for its cover letter.
/// </summary>
internal static class LetterTemplates
{
    private static readonly string[] Common = ["perusahaan", "nama_perusahaan", "npp", "nomor_kasus", "tanggal_buka", "dasar_hukum", "tempat", "kantor_cabang"];

    private static readonly string[] Deadline = ["batas_waktu", "hari_kerja"];

    private static readonly string[] Skk = ["nomor_skk", "tanggal_skk", "jpn", "kejari"];

    private const string Signatory = "Kepala Kantor Cabang";

    private static readonly string[] EmployerAddress = ["{nama_perusahaan}", "NPP {npp}", "di {tempat}"];

    private const string WarningFindings =
        "Berdasarkan data kepesertaan BPJS Ketenagakerjaan yang kami kelola, pada {perusahaan} kami mencatat temuan berikut (dibekukan pada berkas kasus {nomor_kasus} tanggal {tanggal_buka}):";

    private const string WarningDeadline =
        "Sesuai {dasar_hukum}, Saudara kami minta memenuhi kewajiban tersebut paling lambat {batas_waktu} ({hari_kerja} hari kerja sejak surat ini).";

    public static IReadOnlyList<EnforcementLetterKind> Kinds { get; } = Enum.GetValues<EnforcementLetterKind>();

    /// <summary>The wording Lindung ships, word for word what its letters said before templates were data.</summary>
    public static LetterTemplate Default(EnforcementLetterKind kind) => kind switch
    {
        EnforcementLetterKind.Warning1 => new(
            "Teguran Tertulis I",
            EmployerAddress,
            [
                WarningFindings,
                WarningDeadline,
                "Apabila sampai batas waktu tersebut kewajiban belum dipenuhi, kami akan menyampaikan teguran tertulis kedua.",
            ],
            Signatory),
        EnforcementLetterKind.Warning2 => new(
            "Teguran Tertulis II",
            EmployerAddress,
            [
                WarningFindings,
                WarningDeadline,
                "Apabila sampai batas waktu tersebut kewajiban belum dipenuhi, Saudara akan dikenai sanksi denda dan dapat dikenai sanksi tidak mendapat pelayanan publik tertentu (PP 86/2013 Pasal 5 ayat (2)).",
            ],
            Signatory),
        EnforcementLetterKind.Tmp2tRequest => new(
            "Permohonan Pengenaan Sanksi Tidak Mendapat Pelayanan Publik Tertentu (TMP2T)",
            ["Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "{tempat}"],
            [
                "Bersama ini kami sampaikan bahwa {perusahaan} belum memenuhi kewajiban jaminan sosial ketenagakerjaan setelah teguran tertulis I dan II serta denda (kasus {nomor_kasus}), dengan temuan:",
                "Berdasarkan {dasar_hukum}, kami mohon agar kepada pemberi kerja tersebut tidak diberikan pelayanan publik tertentu — perizinan terkait usaha, izin yang diperlukan untuk mengikuti tender proyek, izin mempekerjakan tenaga kerja asing, izin perusahaan penyedia jasa pekerja/buruh, dan persetujuan bangunan gedung — sampai kewajibannya dipenuhi.",
                "Status sanksi ini dijawab oleh layanan pemeriksaan kepatuhan Lindung (SANCTIONED) sejak tanggal surat ini; kami akan memberitahukan pencabutannya segera setelah kewajiban dipenuhi.",
            ],
            Signatory),
        _ => new(
            "Penyerahan Surat Kuasa Khusus Nomor {nomor_skk}",
            ["Kepala Kejaksaan Negeri {kejari}", "u.p. Kepala Seksi Perdata dan Tata Usaha Negara"],
            [
                "Bersama ini kami serahkan Surat Kuasa Khusus Nomor {nomor_skk} tanggal {tanggal_skk} kepada Jaksa Pengacara Negara {jpn} untuk menangani ketidakpatuhan {perusahaan} (kasus {nomor_kasus}), dengan temuan:",
                "Teguran tertulis I dan II, denda, dan permohonan TMP2T telah kami sampaikan tanpa dipenuhi. Berdasarkan {dasar_hukum}, kami mohon bantuan Jaksa Pengacara Negara untuk pemanggilan, mediasi dan pemulihan kewajiban tersebut.",
            ],
            Signatory),
    };

    /// <summary>The placeholders a letter of <paramref name="kind"/> may use, in the order the page lists them.</summary>
    public static IReadOnlyList<string> Placeholders(EnforcementLetterKind kind) =>
        kind == EnforcementLetterKind.SkkCover ? [.. Common, .. Skk] : [.. Common, .. Deadline];

    /// <summary>The wording in force for the regency's letters of <paramref name="kind"/> on <paramref name="day"/>: its version then, else the default.</summary>
    public static async Task<LetterTemplate> InForceAsync(LindungDbContext db, string regionCode, EnforcementLetterKind kind, DateOnly day, CancellationToken ct) =>
        await db.EnforcementLetterTemplates.AsNoTracking().ValidOn(day).Where(t => t.RegionCode == regionCode && t.Kind == kind).FirstOrDefaultAsync(ct) is { } row
            ? ToTemplate(row)
            : Default(kind);

    public static LetterTemplate ToTemplate(EnforcementLetterTemplate row) =>
        new(row.Subject, Lines(row.Addressee), Lines(row.Paragraphs), row.Signatory);

    /// <summary>A template as stored: the addressee's lines and the paragraphs each one per line.</summary>
    public static EnforcementLetterTemplate ToRow(LetterTemplate template, EnforcementLetterKind kind, string regionCode) => new()
    {
        Kind = kind,
        Subject = template.Subject,
        Addressee = string.Join('\n', template.Addressee),
        Paragraphs = string.Join('\n', template.Paragraphs),
        Signatory = template.Signatory,
        RegionCode = regionCode,
    };

    /// <summary>The kind's code in forms and URLs: <c>warning1</c>, <c>tmp2trequest</c>.</summary>
    public static string Code(EnforcementLetterKind kind) => kind.ToString().ToLowerInvariant();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
