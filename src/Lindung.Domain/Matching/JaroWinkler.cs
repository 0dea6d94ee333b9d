using System.Numerics;

namespace Lindung.Domain.Matching;

/// <summary>Jaro–Winkler similarity (0–1) with the usual prefix scale 0.1 and prefix cap 4.</summary>
public static class JaroWinkler
{
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var jaro = a.Length <= 64 && b.Length <= 64 ? ShortJaro(a, b) : Jaro(a, b);
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>
    /// The same arithmetic as <see cref="Jaro"/> with the matched flags in two machine words: names
    /// are short, and the search scores hundreds of candidate words per roster row.
    /// </summary>
    private static double ShortJaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        ulong aMatched = 0;
        ulong bMatched = 0;
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            var c = a[i];
            for (var j = from; j <= to; j++)
            {
                if ((bMatched & (1UL << j)) == 0 && c == b[j])
                {
                    aMatched |= 1UL << i;
                    bMatched |= 1UL << j;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var rest = bMatched;
        for (var flags = aMatched; flags != 0; flags &= flags - 1)
        {
            var i = BitOperations.TrailingZeroCount(flags);
            var k = BitOperations.TrailingZeroCount(rest);
            rest &= rest - 1;
            if (a[i] != b[k])
            {
                transpositions++;
            }
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
    }

    private static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        Span<bool> aMatched = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
    }
}
