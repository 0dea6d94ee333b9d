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
/// as rendered, so a reprint is the letter that was sent. The wording is the regency's template in force
/// on the issue day (<see cref="LetterTemplates"/>); the findings frozen on the case are listed after its
/// first paragraph.
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
        var (place, office) = await SenderAsync(enforcementCase.RegionCode, today, ct);
        var template = await LetterTemplates.InForceAsync(db, enforcementCase.RegionCode, kind, today, ct);
        var findings = CaseFinding.Read(enforcementCase.Evidence).Select(f => f.MessageId).ToList();
        var content = Compose(template, Values(enforcementCase, employer, rule, place, office), number, today, findings);
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

    /// <summary>What the placeholders of a letter on this case say.</summary>
    public static IReadOnlyDictionary<string, string> Values(EnforcementCase c, Employer employer, StageRule rule, string place, string office) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["perusahaan"] = c.Npp is null ? employer.Name : $"{employer.Name} (NPP {c.Npp})",
            ["nama_perusahaan"] = employer.Name,
            ["npp"] = c.Npp ?? string.Empty,
            ["nomor_kasus"] = c.Number,
            ["tanggal_buka"] = EnforcementLetterPdf.Date(c.OpenedOn),
            ["batas_waktu"] = c.DueOn is { } due ? EnforcementLetterPdf.Date(due) : string.Empty,
            ["hari_kerja"] = rule.WorkingDays?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["dasar_hukum"] = rule.LegalBasis,
            ["tempat"] = place,
            ["kantor_cabang"] = office,
            ["nomor_skk"] = c.SkkNumber ?? string.Empty,
            ["tanggal_skk"] = c.SkkDate is { } skk ? EnforcementLetterPdf.Date(skk) : "-",
            ["jpn"] = c.StateAttorney ?? string.Empty,
            ["kejari"] = AreaDirectory.Embedded.Find(c.ProsecutorRegion)?.Name ?? c.ProsecutorRegion ?? string.Empty,
        };

    /// <summary>The letter a template says with these values: the sender's heading, the filled text, the findings after the first paragraph.</summary>
    public static LetterContent Compose(LetterTemplate template, IReadOnlyDictionary<string, string> values, string number, DateOnly today, IReadOnlyList<string> findings)
    {
        var filled = template.Fill(values);
        var sender = "BPJS KETENAGAKERJAAN — " + values["kantor_cabang"].ToUpper(CultureInfo.InvariantCulture);
        return new LetterContent(sender, number, values["tempat"], today, filled.Subject, filled.Addressee, filled.Paragraphs, findings, filled.Signatory);
    }

    /// <summary>The regency's name, and the branch serving it on <paramref name="today"/> (else "Kantor Cabang" and the regency).</summary>
    public async Task<(string Place, string Office)> SenderAsync(string regionCode, DateOnly today, CancellationToken ct)
    {
        var place = AreaDirectory.Embedded.Find(regionCode)?.Name ?? regionCode;
        var branch = await db.BranchWorkingAreas.AsNoTracking()
            .Where(w => w.RegionCode == regionCode && w.ValidFrom <= today && (w.ValidTo == null || w.ValidTo > today))
            .Select(w => w.Branch!.Name).FirstOrDefaultAsync(ct);
        return (place, branch ?? $"Kantor Cabang {place}");
    }
}
