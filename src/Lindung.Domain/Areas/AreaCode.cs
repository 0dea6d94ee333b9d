namespace Lindung.Domain.Areas;

/// <summary>Reads Kemendagri codes written with or without dots ("357701" or "35.77.01").</summary>
public static class AreaCode
{
    // Digits per level: 2, 4, 6 and 10.
    private static readonly int[] DigitsPerLevel = [2, 4, 6, 10];

    /// <summary>The dotted form of a code, or null when it is not a code of any level.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        Span<char> digits = stackalloc char[10];
        var count = 0;
        foreach (var c in code.AsSpan().Trim())
        {
            if (c == '.')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == digits.Length)
            {
                return null;
            }

            digits[count++] = c;
        }

        return Array.IndexOf(DigitsPerLevel, count) < 0 ? null : Dotted(digits[..count]);
    }

    /// <summary>The level a dotted or undotted code belongs to, or null when it is malformed.</summary>
    public static AreaLevel? LevelOf(string? code) => Normalize(code) switch
    {
        null => null,
        var dotted => (AreaLevel)(dotted.Count(c => c == '.') + 1),
    };

    /// <summary>Formats 2, 4, 6 or 10 digits as a dotted code (no validation beyond length).</summary>
    public static string Dotted(ReadOnlySpan<char> digits) => digits.Length switch
    {
        2 => digits.ToString(),
        4 => $"{digits[..2]}.{digits[2..4]}",
        6 => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}",
        10 => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}.{digits[6..10]}",
        _ => throw new ArgumentException("An area code has 2, 4, 6 or 10 digits.", nameof(digits)),
    };
}
