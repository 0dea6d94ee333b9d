using System.Globalization;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Enforcement;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// Composes, numbers and stores the letter a stage sends: the two written warnings to the employer, the
/// TMP2T request to the Pemda's licensing office, and the cover letter of the SKK to the Kejaksaan
/// Negeri. Numbers run per region, kind and year (<c>003/TEG-1/35.77/XII/2026</c>); the letter is stored
/// as rendered, so a reprint is the letter that was sent.
/// </summary>
internal sealed class EnforcementLetters(LindungDbContext db)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    public static EnforcementLetterKind? KindFor(EnforcementStage stage) => stage switch
    {
        EnforcementStage.Warning1 => EnforcementLetterKind.Warning1,
        EnforcementStage.Warning2 => EnforcementLetterKind.Warning2,
        EnforcementStage.Tmp2t => EnforcementLetterKind.Tmp2tRequest,
        EnforcementStage.Referral => EnforcementLetterKind.SkkCover,
        _ => null,
    };

    public static string FileName(EnforcementLetter letter) =>
        $"{letter.Kind.ToString().ToLowerInvariant()}-{letter.Number.Replace('/', '-')}.pdf";

    public async Task<EnforcementLetter> IssueAsync(
        EnforcementCase enforcementCase, Employer employer, EnforcementLetterKind kind, StageRule rule, DateOnly today, string by, CancellationToken ct)
    {
        var sequence = 1 + (await db.EnforcementLetters
            .Where(l => l.RegionCode == enforcementCase.RegionCode && l.Kind == kind && l.Year == today.Year)
            .MaxAsync(l => (int?)l.Sequence, ct) ?? 0);
        var number = string.Create(CultureInfo.InvariantCulture, $"{sequence:000}/{Code(kind)}/{enforcementCase.RegionCode}/{Roman[today.Month - 1]}/{today.Year}");
        var branch = await db.BranchWorkingAreas.AsNoTracking()
            .Where(w => w.RegionCode == enforcementCase.RegionCode && w.ValidFrom <= today && (w.ValidTo == null || w.ValidTo > today))
            .Select(w => w.Branch!.Name).FirstOrDefaultAsync(ct);
        var content = Compose(enforcementCase, employer, kind, rule, number, today, branch);
        return new EnforcementLetter
        {
            CaseId = enforcementCase.Id,
            Kind = kind,
            Number = number,
            Sequence = sequence,
            Year = today.Year,
            IssuedOn = today,
            IssuedBy = by,
            Pdf = EnforcementLetterPdf.Render(content),
            RegionCode = enforcementCase.RegionCode,
        };
    }

    private static string Code(EnforcementLetterKind kind) => kind switch
    {
        EnforcementLetterKind.Warning1 => "TEG-1",
        EnforcementLetterKind.Warning2 => "TEG-2",
        EnforcementLetterKind.Tmp2tRequest => "TMP2T",
        _ => "SKK",
    };

    private static LetterContent Compose(EnforcementCase c, Employer employer, EnforcementLetterKind kind, StageRule rule, string number, DateOnly today, string? branch)
    {
        var areas = AreaDirectory.Embedded;
        var place = areas.Find(c.RegionCode)?.Name ?? c.RegionCode;
        var sender = "BPJS KETENAGAKERJAAN — " + (branch ?? $"Kantor Cabang {place}").ToUpper(CultureInfo.InvariantCulture);
        var firm = c.Npp is null ? employer.Name : $"{employer.Name} (NPP {c.Npp})";
        var findings = CaseFinding.Read(c.Evidence).Select(f => f.MessageId).ToList();
        var due = c.DueOn is { } d ? EnforcementLetterPdf.Date(d) : null;
        var employerAddress = new[] { employer.Name, c.Npp is null ? null : $"NPP {c.Npp}", $"di {place}" }.OfType<string>().ToList();
        return kind switch
        {
            EnforcementLetterKind.Warning1 or EnforcementLetterKind.Warning2 => new LetterContent(
                sender,
                number,
                place,
                today,
                kind == EnforcementLetterKind.Warning1 ? "Teguran Tertulis I" : "Teguran Tertulis II",
                employerAddress,
                [
                    $"Berdasarkan data kepesertaan BPJS Ketenagakerjaan yang kami kelola, pada {firm} kami mencatat temuan berikut (dibekukan pada berkas kasus {c.Number} tanggal {EnforcementLetterPdf.Date(c.OpenedOn)}):",
                    $"Sesuai {rule.LegalBasis}, Saudara kami minta memenuhi kewajiban tersebut paling lambat {due} ({rule.WorkingDays} hari kerja sejak surat ini).",
                    kind == EnforcementLetterKind.Warning1
                        ? "Apabila sampai batas waktu tersebut kewajiban belum dipenuhi, kami akan menyampaikan teguran tertulis kedua."
                        : "Apabila sampai batas waktu tersebut kewajiban belum dipenuhi, Saudara akan dikenai sanksi denda dan dapat dikenai sanksi tidak mendapat pelayanan publik tertentu (PP 86/2013 Pasal 5 ayat (2)).",
                ],
                findings,
                "Kepala Kantor Cabang"),
            EnforcementLetterKind.Tmp2tRequest => new LetterContent(
                sender,
                number,
                place,
                today,
                "Permohonan Pengenaan Sanksi Tidak Mendapat Pelayanan Publik Tertentu (TMP2T)",
                [$"Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", place],
                [
                    $"Bersama ini kami sampaikan bahwa {firm} belum memenuhi kewajiban jaminan sosial ketenagakerjaan setelah teguran tertulis I dan II serta denda (kasus {c.Number}), dengan temuan:",
                    $"Berdasarkan {rule.LegalBasis}, kami mohon agar kepada pemberi kerja tersebut tidak diberikan pelayanan publik tertentu — perizinan terkait usaha, izin yang diperlukan untuk mengikuti tender proyek, izin mempekerjakan tenaga kerja asing, izin perusahaan penyedia jasa pekerja/buruh, dan persetujuan bangunan gedung — sampai kewajibannya dipenuhi.",
                    "Status sanksi ini dijawab oleh layanan pemeriksaan kepatuhan Lindung (SANCTIONED) sejak tanggal surat ini; kami akan memberitahukan pencabutannya segera setelah kewajiban dipenuhi.",
                ],
                findings,
                "Kepala Kantor Cabang"),
            _ => new LetterContent(
                sender,
                number,
                place,
                today,
                $"Penyerahan Surat Kuasa Khusus Nomor {c.SkkNumber}",
                ["Kepala Kejaksaan Negeri " + (areas.Find(c.ProsecutorRegion)?.Name ?? c.ProsecutorRegion), "u.p. Kepala Seksi Perdata dan Tata Usaha Negara"],
                [
                    $"Bersama ini kami serahkan Surat Kuasa Khusus Nomor {c.SkkNumber} tanggal {(c.SkkDate is { } skk ? EnforcementLetterPdf.Date(skk) : "-")} kepada Jaksa Pengacara Negara {c.StateAttorney} untuk menangani ketidakpatuhan {firm} (kasus {c.Number}), dengan temuan:",
                    $"Teguran tertulis I dan II, denda, dan permohonan TMP2T telah kami sampaikan tanpa dipenuhi. Berdasarkan {rule.LegalBasis}, kami mohon bantuan Jaksa Pengacara Negara untuk pemanggilan, mediasi dan pemulihan kewajiban tersebut.",
                ],
                findings,
                "Kepala Kantor Cabang"),
        };
    }
}
