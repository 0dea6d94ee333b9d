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

    // Word pairs scored on the stack; longer names (rare) use the heap.
    private const int StackPairs = 64;

    /// <param name="a">A name folded by <see cref="PersonName.Normalize"/>.</param>
    /// <param name="b">A name folded by <see cref="PersonName.Normalize"/>.</param>
    public static double Score(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Length == 0 || b.Length == 0 ? 0 : a == b ? 1 : Score(new FoldedName(a), new FoldedName(b));
    }

    /// <summary>The same score from names whose words were located once; allocates nothing for names of up to eight words.</summary>
    public static double Score(FoldedName a, FoldedName b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Text.Length == 0 || b.Text.Length == 0)
        {
            return 0;
        }

        if (ReferenceEquals(a.Text, b.Text) || a.Text == b.Text)
        {
            return 1;
        }

        if (a.WordCount == 1 && b.WordCount == 1)
        {
            return JaroWinkler.Similarity(a.Text, b.Text);
        }

        if (a.SameJoined(b))
        {
            return 0.99;
        }

        var (shorter, longer) = a.WordCount <= b.WordCount ? (a, b) : (b, a);
        var score = Paired(shorter, longer);
        return shorter.WordCount < longer.WordCount ? score * PartialNamePenalty : score;
    }

    /// <summary>
    /// False only when <see cref="Score(FoldedName, FoldedName)"/> is certainly below
    /// <paramref name="atLeast"/>, judged from word lengths and the letters the words share, without
    /// comparing them: most candidates of a birth-date block fail this and are never scored.
    /// </summary>
    public static bool CanReach(FoldedName a, FoldedName b, double atLeast)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (atLeast <= 0)
        {
            return true;
        }

        // No words is no text; the word count sits with the words, not in the text's own object.
        if (a.WordCount == 0 || b.WordCount == 0)
        {
            return false;
        }

        if (ReferenceEquals(a.Text, b.Text) || a.SameJoined(b))
        {
            return true;
        }

        var (shorter, longer) = a.WordCount <= b.WordCount ? (a, b) : (b, a);

        // Every word of the shorter name needs a partner at least this alike: the weakest pair
        // counts for half the score (and the partial-name penalty applies on top).
        var perWord = shorter.WordCount == 1 && longer.WordCount == 1 ? atLeast
            : shorter.WordCount == longer.WordCount ? (2 * atLeast) - 1
            : (2 * atLeast / PartialNamePenalty) - 1;
        for (var i = 0; i < shorter.WordCount; i++)
        {
            var partner = false;
            for (var j = 0; j < longer.WordCount && !partner; j++)
            {
                partner = JaroWinklerAtMost(shorter, i, longer, j) >= perWord;
            }

            if (!partner)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Jaro–Winkler if every shared letter matched in place, no transposition, and the full prefix bonus.</summary>
    private static double JaroWinklerAtMost(FoldedName a, int i, FoldedName b, int j)
    {
        double common = a.CommonAtMost(i, b, j);
        var jaro = ((common / a.WordLength(i)) + (common / b.WordLength(j)) + 1) / 3;
        return jaro + (0.4 * (1 - jaro));
    }

    /// <summary>
    /// Each word of the shorter name paired with a different word of the longer one, best pairs
    /// first ("Lestari Lestari" must not match "Dewi Lestari" by using "Lestari" twice); then half
    /// the mean and half the weakest pair, so one wrong word (a twin's given name) sinks the pair.
    /// </summary>
    private static double Paired(FoldedName shorter, FoldedName longer)
    {
        var rows = shorter.WordCount;
        var columns = longer.WordCount;
        var count = rows * columns;
        Span<double> pairs = count <= StackPairs ? stackalloc double[count] : new double[count];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                pairs[(i * columns) + j] = JaroWinkler.Similarity(shorter.Word(i), longer.Word(j));
            }
        }

        // Greedy: the best remaining pair, its row and column then taken (-1 marks a taken pair).
        var sum = 0.0;
        var weakest = 1.0;
        for (var round = 0; round < rows; round++)
        {
            var at = 0;
            for (var p = 1; p < count; p++)
            {
                at = pairs[p] > pairs[at] ? p : at;
            }

            var (row, column) = Math.DivRem(at, columns);
            var best = Math.Max(0, pairs[at]);
            sum += best;
            weakest = Math.Min(weakest, best);
            for (var j = 0; j < columns; j++)
            {
                pairs[(row * columns) + j] = -1;
            }

            for (var i = 0; i < rows; i++)
            {
                pairs[(i * columns) + column] = -1;
            }
        }

        return ((sum / rows) + weakest) / 2;
    }
}
