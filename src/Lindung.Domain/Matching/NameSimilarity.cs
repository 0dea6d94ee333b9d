namespace Lindung.Domain.Matching;

/// <summary>
/// How alike two folded names are (0–1), tolerant of what rosters do to names — typos, swapped
/// word order ("Aminah Siti"), words run together ("Nuraini"), a dropped second name ("Siti" for
/// "Siti Aminah") — but strict where twins differ: every word must find its partner, so "Dwi
/// Santoso" and "Tri Santoso" are not one person just because most letters agree.
/// </summary>
public static class NameSimilarity
{
    // A name that matches only part of the other is less convincing than a full match.
    private const double PartialNamePenalty = 0.92;

    /// <param name="a">A name folded by <see cref="PersonName.Normalize"/>.</param>
    /// <param name="b">A name folded by <see cref="PersonName.Normalize"/>.</param>
    public static double Score(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a == b)
        {
            return 1;
        }

        var aTokens = a.Split(' ');
        var bTokens = b.Split(' ');
        if (aTokens.Length == 1 && bTokens.Length == 1)
        {
            return JaroWinkler.Similarity(a, b);
        }

        if (string.Concat(aTokens) == string.Concat(bTokens))
        {
            return 0.99;
        }

        var (shorter, longer) = aTokens.Length <= bTokens.Length ? (aTokens, bTokens) : (bTokens, aTokens);
        var best = Pair(shorter, longer);
        // Half the mean, half the weakest word: one wrong word (a twin's given name) sinks the pair.
        var score = (best.Average() + best.Min()) / 2;
        return shorter.Length < longer.Length ? score * PartialNamePenalty : score;
    }

    /// <summary>
    /// Each word of the shorter name paired with a different word of the longer one, best pairs
    /// first: "Lestari Lestari" must not match "Dewi Lestari" by using "Lestari" twice.
    /// </summary>
    private static double[] Pair(string[] shorter, string[] longer)
    {
        var pairs = new List<(double Score, int S, int L)>(shorter.Length * longer.Length);
        for (var i = 0; i < shorter.Length; i++)
        {
            for (var j = 0; j < longer.Length; j++)
            {
                pairs.Add((JaroWinkler.Similarity(shorter[i], longer[j]), i, j));
            }
        }

        pairs.Sort((a, b) => b.Score.CompareTo(a.Score));
        var best = new double[shorter.Length];
        var shorterUsed = new bool[shorter.Length];
        var longerUsed = new bool[longer.Length];
        foreach (var (score, i, j) in pairs)
        {
            if (!shorterUsed[i] && !longerUsed[j])
            {
                (best[i], shorterUsed[i], longerUsed[j]) = (score, true, true);
            }
        }

        return best;
    }
}
