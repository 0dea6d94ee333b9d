using System.Text;

namespace Lindung.Domain.Enforcement;

/// <summary>
/// The wording of one kind of enforcement letter: its subject, the addressee's lines, the paragraphs
/// and the signatory's title, as text with named placeholders (<c>{perusahaan}</c>, <c>{nomor_kasus}</c>).
/// The findings are not part of it: a letter lists them after its first paragraph.
/// </summary>
public sealed record LetterTemplate(string Subject, IReadOnlyList<string> Addressee, IReadOnlyList<string> Paragraphs, string Signatory)
{
    // What fits a letter: a subject and lines that read on one line or two, paragraphs of a long page at most.
    public const int SubjectMax = 300;
    public const int LineMax = 200;
    public const int AddresseeLinesMax = 6;
    public const int ParagraphMax = 1500;
    public const int ParagraphsMax = 8;
    public const int SignatoryMax = 200;

    /// <summary>Every text of the template: the subject, the addressee's lines, the paragraphs, the signatory.</summary>
    public IEnumerable<string> Texts => [Subject, .. Addressee, .. Paragraphs, Signatory];

    /// <summary>
    /// The template with each placeholder replaced by its value. An addressee line with a placeholder
    /// whose value is empty is left out (<c>NPP {npp}</c> for an employer without an NPP); everywhere
    /// else an empty value is written as it is.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A placeholder has no value: the template was not checked against the letter's placeholders.</exception>
    public LetterTemplate Fill(IReadOnlyDictionary<string, string> values) => new(
        LetterText.Fill(Subject, values),
        [.. Addressee.Where(line => LetterText.Placeholders(line)?.All(name => values.TryGetValue(name, out var v) && v.Length > 0) ?? true)
            .Select(line => LetterText.Fill(line, values))],
        [.. Paragraphs.Select(p => LetterText.Fill(p, values))],
        LetterText.Fill(Signatory, values));
}

/// <summary>
/// Placeholders in a letter's text: a name between braces, <c>{npp}</c>. Braces are only ever
/// placeholders, so a brace left open or closed without an opening one is a mistake, not text.
/// </summary>
public static class LetterText
{
    /// <summary>The placeholder names in <paramref name="text"/> in order (as written, unchecked), or null when a brace does not pair up.</summary>
    public static IReadOnlyList<string>? Placeholders(string text)
    {
        var names = new List<string>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{' when open >= 0:
                    return null;
                case '{':
                    open = i;
                    break;
                case '}' when open < 0:
                    return null;
                case '}':
                    names.Add(text[(open + 1)..i]);
                    open = -1;
                    break;
            }
        }

        return open >= 0 ? null : names;
    }

    /// <summary>The text with every <c>{name}</c> replaced by its value.</summary>
    /// <exception cref="FormatException">A brace does not pair up.</exception>
    /// <exception cref="KeyNotFoundException">A placeholder has no value.</exception>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        if (Placeholders(text) is null)
        {
            throw new FormatException($"A brace does not pair up in the letter text \"{text}\".");
        }

        var filled = new StringBuilder(text.Length);
        var start = 0;
        for (var open = text.IndexOf('{', start); open >= 0; open = text.IndexOf('{', start))
        {
            var close = text.IndexOf('}', open);
            var name = text[(open + 1)..close];
            filled.Append(text, start, open - start)
                .Append(values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The letter placeholder {{{name}}} has no value."));
            start = close + 1;
        }

        return filled.Append(text, start, text.Length - start).ToString();
    }
}
