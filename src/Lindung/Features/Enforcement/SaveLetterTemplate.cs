using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// A letter template as the settings page sends it: the addressee one line per line, the paragraphs
/// separated by an empty line (a single line break inside a paragraph is only wrapping).
/// </summary>
internal sealed record LetterTemplateInput(
    string? AppliesTo, string? Kind, string? ValidFrom, string? Subject, string? Addressee, string? Paragraphs, string? Signatory)
{
    /// <summary>The addressee's lines as typed: blanks around each trimmed, empty lines dropped.</summary>
    public static IReadOnlyList<string> LinesOf(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The paragraphs as typed: split at empty lines, each one's own line breaks read as spaces.</summary>
    public static IReadOnlyList<string> ParagraphsOf(string? text)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries).Append(string.Empty))
        {
            if (line.Length > 0)
            {
                current.Add(line);
            }
            else if (current.Count > 0)
            {
                paragraphs.Add(string.Join(' ', current));
                current.Clear();
            }
        }

        return paragraphs;
    }

    public static string TextOf(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);
}

/// <summary>
/// A regional admin's new wording for one kind of letter in one of its regencies, in force from a day
/// on (today or later: a letter already issued was written with the wording of its day). History is
/// never rewritten: the new version must start after the one in force or scheduled, which it closes
/// that day (<see cref="History.Supersede"/>). Every placeholder must be one the kind offers, so a letter
/// never prints an unfilled brace; the audit interceptor records both rows with the admin as actor.
/// </summary>
internal sealed class SaveLetterTemplate(LindungDbContext db, TimeProvider clock)
{
    public static UseCaseError KindInvalid { get; } = UseCaseError.Of(
        "LETTER_KIND_INVALID",
        "Jenis surat harus salah satu dari: warning1, warning2, tmp2trequest, skkcover.",
        "The letter kind must be one of: warning1, warning2, tmp2trequest, skkcover.",
        "kind");

    public static UseCaseError DateInvalid { get; } = UseCaseError.Of(
        "LETTER_TEMPLATE_DATE_INVALID",
        "Tanggal mulai berlaku ditulis TTTT-BB-HH dan paling awal hari ini: surat yang sudah terbit tidak ditulis ulang.",
        "The start date is written YYYY-MM-DD and is today or later: letters already issued are not rewritten.",
        "valid_from");

    public static UseCaseError SubjectRequired { get; } = UseCaseError.Of(
        "LETTER_TEMPLATE_SUBJECT_REQUIRED", "Isi perihal surat.", "Enter the letter's subject.", "subject");

    public static UseCaseError AddresseeRequired { get; } = UseCaseError.Of(
        "LETTER_TEMPLATE_ADDRESSEE_REQUIRED", "Isi paling sedikit satu baris alamat tujuan.", "Enter at least one addressee line.", "addressee");

    public static UseCaseError ParagraphsRequired { get; } = UseCaseError.Of(
        "LETTER_TEMPLATE_PARAGRAPHS_REQUIRED",
        "Isi paling sedikit satu paragraf; daftar temuan dicetak sesudah paragraf pertama.",
        "Enter at least one paragraph; the list of findings is printed after the first.",
        "paragraphs");

    public static UseCaseError SignatoryRequired { get; } = UseCaseError.Of(
        "LETTER_TEMPLATE_SIGNATORY_REQUIRED", "Isi jabatan penanda tangan.", "Enter the signatory's title.", "signatory");

    public static UseCaseError TooLong { get; } = UseCaseError.Of(
        "LETTER_TEMPLATE_TOO_LONG",
        string.Create(CultureInfo.InvariantCulture, $"Teks terlalu panjang: perihal paling banyak {LetterTemplate.SubjectMax} karakter, alamat tujuan {LetterTemplate.AddresseeLinesMax} baris × {LetterTemplate.LineMax} karakter, isi {LetterTemplate.ParagraphsMax} paragraf × {LetterTemplate.ParagraphMax} karakter, jabatan penanda tangan {LetterTemplate.SignatoryMax} karakter."),
        string.Create(CultureInfo.InvariantCulture, $"Text too long: the subject at most {LetterTemplate.SubjectMax} characters, the addressee {LetterTemplate.AddresseeLinesMax} lines × {LetterTemplate.LineMax} characters, the body {LetterTemplate.ParagraphsMax} paragraphs × {LetterTemplate.ParagraphMax} characters, the signatory's title {LetterTemplate.SignatoryMax} characters."),
        "paragraphs");

    public static UseCaseError BraceUnpaired { get; } = UseCaseError.Of(
        "LETTER_TEMPLATE_BRACE",
        "Kurung kurawal hanya untuk tempat isian seperti {perusahaan}: setiap { harus ditutup dengan }.",
        "Braces only mark placeholders such as {perusahaan}: every { must be closed by }.",
        "paragraphs");

    public static UseCaseError PlaceholderUnknown(string name, IEnumerable<string> allowed)
    {
        var list = string.Join(", ", allowed.Select(p => "{" + p + "}"));
        return UseCaseError.Of(
            "LETTER_TEMPLATE_PLACEHOLDER_UNKNOWN",
            $"Tempat isian {{{name}}} tidak dikenal untuk surat ini. Yang tersedia: {list}.",
            $"The placeholder {{{name}}} is unknown for this letter. Available: {list}.",
            "paragraphs");
    }

    public static UseCaseError NotAfterLatest(DateOnly latest)
    {
        var day = latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return UseCaseError.Of(
            "LETTER_TEMPLATE_NOT_AFTER_LATEST",
            $"Versi baru harus mulai berlaku setelah {day}, awal versi terakhir; riwayat templat tidak diubah.",
            $"A new version must start after {day}, when the latest one starts; the template's history is never changed.",
            "valid_from");
    }

    public async Task<UseCaseResult<EnforcementLetterTemplate>> HandleAsync(LetterTemplateInput input, AccessScope scope, CancellationToken ct)
    {
        var region = input.AppliesTo?.Trim() ?? string.Empty;
        if (region.Length != 5 || AreaDirectory.Embedded.Find(region) is null || !scope.Covers(region))
        {
            return ManageEnforcementCalendar.RegionInvalid;
        }

        var checkedTemplate = Check(input);
        var errors = checkedTemplate.Succeeded ? [] : checkedTemplate.Errors.ToList();
        var today = clock.Today();
        if (!DateOnly.TryParseExact(input.ValidFrom?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) || from < today)
        {
            errors.Add(DateInvalid);
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<EnforcementLetterTemplate>.Refused([.. errors]);
        }

        var (kind, template) = checkedTemplate.Value;
        var current = await db.EnforcementLetterTemplates.FirstOrDefaultAsync(t => t.RegionCode == region && t.Kind == kind && t.ValidTo == null, ct);
        if (current is not null && from <= current.ValidFrom)
        {
            return NotAfterLatest(current.ValidFrom);
        }

        var next = LetterTemplates.ToRow(template, kind, region);
        if (current is null)
        {
            next.ValidFrom = from;
            db.EnforcementLetterTemplates.Add(next);
        }
        else
        {
            db.Supersede(current, next, from);
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult<EnforcementLetterTemplate>.Ok(next);
    }

    /// <summary>
    /// The kind and the template the input describes, or every reason it cannot be one: a required part
    /// missing, a text too long, a brace unpaired, each placeholder the kind does not offer (by name).
    /// </summary>
    public static UseCaseResult<(EnforcementLetterKind Kind, LetterTemplate Template)> Check(LetterTemplateInput input)
    {
        if (!EnumCodes<EnforcementLetterKind>.TryParseName(input.Kind, out var kind))
        {
            return KindInvalid;
        }

        var template = new LetterTemplate(
            input.Subject?.Trim() ?? string.Empty,
            LetterTemplateInput.LinesOf(input.Addressee),
            LetterTemplateInput.ParagraphsOf(input.Paragraphs),
            input.Signatory?.Trim() ?? string.Empty);
        var errors = new List<UseCaseError>();
        if (template.Subject.Length == 0)
        {
            errors.Add(SubjectRequired);
        }

        if (template.Addressee.Count == 0)
        {
            errors.Add(AddresseeRequired);
        }

        if (template.Paragraphs.Count == 0)
        {
            errors.Add(ParagraphsRequired);
        }

        if (template.Signatory.Length == 0)
        {
            errors.Add(SignatoryRequired);
        }

        if (template.Subject.Length > LetterTemplate.SubjectMax || template.Signatory.Length > LetterTemplate.SignatoryMax
            || template.Addressee.Count > LetterTemplate.AddresseeLinesMax || template.Addressee.Any(l => l.Length > LetterTemplate.LineMax)
            || template.Paragraphs.Count > LetterTemplate.ParagraphsMax || template.Paragraphs.Any(p => p.Length > LetterTemplate.ParagraphMax))
        {
            errors.Add(TooLong);
        }

        var allowed = LetterTemplates.Placeholders(kind);
        var names = template.Texts.Select(LetterText.Placeholders).ToList();
        if (names.Any(n => n is null))
        {
            errors.Add(BraceUnpaired);
        }

        errors.AddRange(names.OfType<IReadOnlyList<string>>().SelectMany(n => n).Distinct(StringComparer.Ordinal)
            .Where(name => !allowed.Contains(name, StringComparer.Ordinal))
            .Select(name => PlaceholderUnknown(name, allowed)));
        return errors.Count > 0
            ? UseCaseResult<(EnforcementLetterKind, LetterTemplate)>.Refused([.. errors])
            : UseCaseResult<(EnforcementLetterKind, LetterTemplate)>.Ok((kind, template));
    }
}
