using System.Text;

namespace Lindung.Domain.Matching;

/// <summary>
/// Folds an Indonesian personal name to the form two clerks would agree on: academic and religious
/// titles dropped (Drs., Hj., S.Pd., A.Md.Kep.), case, accents, punctuation and spacing folded,
/// the many spellings of Muhammad made one, and old-spelling digraphs (oe, dj, tj, sj, nj, ch)
/// written the modern way.
/// </summary>
public static class PersonName
{
    // Titles written before the name (compared without dots).
    private static readonly HashSet<string> FrontTitles = new(StringComparer.Ordinal)
    {
        "drs", "dra", "dr", "h", "hj", "hajjah", "haji", "ir", "prof", "kh", "ny", "nn", "tn", "bpk", "ibu", "sdr", "sdri", "st",
    };

    // Degrees written after the name; they usually follow a comma, but rosters drop it too.
    private static readonly HashSet<string> BackTitles = new(StringComparer.Ordinal)
    {
        "spd", "spdi", "spdsd", "skom", "amd", "amdkep", "amdkeb", "amdfarm", "amdkes", "se", "sh", "ssos", "skep", "st", "sag", "sip",
        "ssi", "sp", "sthi", "sfarm", "ked", "skm", "sgz", "ak", "mm", "mpd", "msi", "mh", "mkes", "mt", "mkom", "mag", "phd", "ners", "apt",
        "ba", "bsc", "ma", "msc", "se", "ssn", "stp", "spt", "shut", "sikom", "sde", "sstp", "mkn",
    };

    private static readonly Dictionary<string, string> GivenNameVariants = new(StringComparer.Ordinal)
    {
        ["muhammad"] = "muhammad",
        ["muhamad"] = "muhammad",
        ["mohammad"] = "muhammad",
        ["mohamad"] = "muhammad",
        ["mochammad"] = "muhammad",
        ["mochamad"] = "muhammad",
        ["mohammed"] = "muhammad",
        ["muhammed"] = "muhammad",
        ["muchammad"] = "muhammad",
        ["muchamad"] = "muhammad",
        ["moch"] = "muhammad",
        ["much"] = "muhammad",
        ["moh"] = "muhammad",
        ["muh"] = "muhammad",
        ["mhd"] = "muhammad",
        ["md"] = "muhammad",
        ["m"] = "muhammad",
        ["achmad"] = "ahmad",
        ["akhmad"] = "ahmad",
        ["ahmat"] = "ahmad",
        ["abd"] = "abdul",
    };

    // Van Ophuijsen / Soewandi spellings still on KTPs of older people, applied in this order.
    private static readonly (string Old, string Modern)[] Spellings =
    [
        ("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ch", "kh"),
    ];

    /// <summary>The folded name, tokens separated by single spaces; empty when nothing is left.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        // Everything after the first comma is degrees ("Siti Aminah, S.Pd., M.Pd.").
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        var words = Tokens(comma > 0 ? name[..comma] : name);

        // Front titles: leading tokens, as long as a name remains after them.
        var first = 0;
        while (first < words.Count - 1 && FrontTitles.Contains(words[first]))
        {
            first++;
        }

        // Degrees without a comma ("Siti Aminah S.Pd"): trailing tokens, same proviso.
        var last = words.Count - 1;
        while (last > first && BackTitles.Contains(words[last]))
        {
            last--;
        }

        var folded = new StringBuilder(name.Length);
        for (var i = first; i <= last; i++)
        {
            // Variants before and after respelling: "Moch" is listed as written, "Mochamad" → "mokhamad" is not.
            var word = ModernSpelling(GivenNameVariants.GetValueOrDefault(words[i], words[i]));
            if (folded.Length > 0)
            {
                folded.Append(' ');
            }

            folded.Append(GivenNameVariants.GetValueOrDefault(word, word));
        }

        return folded.ToString();
    }

    /// <summary>
    /// Lower-case letter runs. A dotted word is one token when it is a known title ("S.Pd." → spd,
    /// "A.Md.Kep." → amdkep) and otherwise splits at its dots ("M.Yusuf" → m, yusuf).
    /// </summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var chunk in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = Letters(chunk.Replace(".", string.Empty, StringComparison.Ordinal));
            if (letters.Length == 0)
            {
                continue;
            }

            if (!chunk.Contains('.', StringComparison.Ordinal) || FrontTitles.Contains(letters) || BackTitles.Contains(letters))
            {
                tokens.AddRange(Letters(chunk, keepSeparators: true).Split(' ', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            tokens.AddRange(chunk.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(p => Letters(p)).Where(p => p.Length > 0));
        }

        return tokens;
    }

    /// <summary>Lower-case letters without accents; apostrophes vanish ("Ma'ruf" → maruf), other marks split.</summary>
    private static string Letters(string text, bool keepSeparators = false)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
            else if (keepSeparators && c is '-' or '/' or '(' or ')' or '"')
            {
                letters.Append(' ');
            }
        }

        return letters.ToString();
    }

    private static string ModernSpelling(string token)
    {
        foreach (var (old, modern) in Spellings)
        {
            token = token.Replace(old, modern, StringComparison.Ordinal);
        }

        return token;
    }
}
