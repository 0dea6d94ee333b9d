using System.Collections.Frozen;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Identifiers;

/// <summary>
/// Nationalities as ISO 3166-1 alpha-3 codes (the code printed in passports), read from what rosters
/// and extracts write: the alpha-3 or alpha-2 code, the English name or, for the nationalities most
/// often met among foreign workers, the Indonesian one ("Tiongkok", "Korea Selatan"). Nothing is guessed.
/// </summary>
public static class Nationalities
{
    public const string Indonesia = "IDN";

    private static readonly FrozenDictionary<string, string> ByWord = Load();

    /// <summary>The alpha-3 code, or null for a word that names no country.</summary>
    public static string? Find(string? text) => ByWord.GetValueOrDefault(HeaderMap.Fold(text ?? string.Empty));

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(Nationalities).Assembly.GetManifestResourceStream("Lindung.Identifiers.nationalities.csv")
            ?? throw new InvalidOperationException("Nationality data is not embedded in Lindung.Domain.");
        using var reader = new StreamReader(stream);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(',');
            var code = parts[0];
            foreach (var word in parts[2].Split(';').Prepend(parts[1]).Prepend(code))
            {
                // A name two countries share would be a guess: the first keeps it (none do in the data).
                words.TryAdd(HeaderMap.Fold(word), code);
            }
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
