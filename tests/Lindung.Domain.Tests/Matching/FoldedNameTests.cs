using CsCheck;
using Lindung.Domain.Matching;

namespace Lindung.Domain.Tests.Matching;

public class FoldedNameTests
{
    private static readonly string[] Words = ["siti", "sri", "aminah", "wati", "eni", "heni", "nur", "nurul", "aini", "nuraini", "dwi", "tri", "santoso", "lestari", "dewi", "muhammad", "rizki", "a", "ab"];

    private static readonly Gen<string> Names = Gen.Int[1, 4].SelectMany(n => Gen.Int[0, Words.Length - 1].Select(i => Words[i]).Array[n]).Select(w => string.Join(' ', w));

    [Fact]
    public void Words_are_located_once_and_keyed_in_any_order()
    {
        var name = new FoldedName("siti aminah");
        Assert.Equal(2, name.WordCount);
        Assert.Equal("aminah", name.Word(1).ToString());
        Assert.Equal("sitiaminah", name.Joined);
        Assert.Equal(new FoldedName("aminah siti").Key, name.Key);
        Assert.Equal(0, FoldedName.Empty.WordCount);
    }

    [Fact]
    public void Scoring_split_names_agrees_with_scoring_the_text() =>
        Gen.Select(Names, Names).Sample((a, b) =>
            Math.Abs(NameSimilarity.Score(new FoldedName(a), new FoldedName(b)) - Reference(a, b)) < 1e-9);

    [Fact]
    public void The_letter_bound_never_rules_out_a_pair_that_reaches_the_threshold() =>
        Gen.Select(Names, Names, Gen.Double[0.5, 1]).Sample((a, b, atLeast) =>
        {
            var (x, y) = (new FoldedName(a), new FoldedName(b));
            return NameSimilarity.CanReach(x, y, atLeast) || NameSimilarity.Score(x, y) < atLeast;
        });

    [Fact]
    public void The_letter_bound_rules_out_strangers()
    {
        Assert.False(NameSimilarity.CanReach(new FoldedName("dwi santoso"), new FoldedName("eko prasetyo"), 0.88));
        Assert.True(NameSimilarity.CanReach(new FoldedName("nur aini"), new FoldedName("nuraini"), 0.99));
    }

    [Fact]
    public void Twins_with_alike_given_names_stay_below_a_typo()
    {
        // Same surname, given names one letter apart in length ("Eni"/"Heni"): weaker than a typo in one word.
        var twins = NameSimilarity.Score(new FoldedName("heni wati"), new FoldedName("eni wati"));
        var typo = NameSimilarity.Score(new FoldedName("siti aminah"), new FoldedName("siti aminh"));
        Assert.True(twins < typo, $"twins {twins:0.000}, typo {typo:0.000}");
    }

    /// <summary>The scoring as first written (split per call, all pairs sorted), kept to pin the faster one to it.</summary>
    private static double Reference(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a == b)
        {
            return 1;
        }

        var (aw, bw) = (a.Split(' '), b.Split(' '));
        if (aw.Length == 1 && bw.Length == 1)
        {
            return JaroWinkler.Similarity(a, b);
        }

        if (string.Concat(aw) == string.Concat(bw))
        {
            return 0.99;
        }

        var (shorter, longer) = aw.Length <= bw.Length ? (aw, bw) : (bw, aw);
        var pairs = shorter.SelectMany((s, i) => longer.Select((l, j) => (Score: JaroWinkler.Similarity(s, l), I: i, J: j)))
            .OrderByDescending(p => p.Score).ToList();
        var best = new double[shorter.Length];
        var (usedS, usedL) = (new bool[shorter.Length], new bool[longer.Length]);
        foreach (var (score, i, j) in pairs)
        {
            if (!usedS[i] && !usedL[j])
            {
                (best[i], usedS[i], usedL[j]) = (score, true, true);
            }
        }

        var result = (best.Average() + best.Min()) / 2;
        return shorter.Length < longer.Length ? result * 0.92 : result;
    }
}
