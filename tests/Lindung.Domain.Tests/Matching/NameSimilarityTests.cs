using Lindung.Domain.Matching;

namespace Lindung.Domain.Tests.Matching;

public class NameSimilarityTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    public void Jaro_Winkler_matches_the_published_examples(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), precision: 3);

    [Fact]
    public void Jaro_Winkler_edges()
    {
        Assert.Equal(1, JaroWinkler.Similarity("", ""));
        Assert.Equal(0, JaroWinkler.Similarity("abc", ""));
        Assert.Equal(0, JaroWinkler.Similarity("abc", "xyz"));
        Assert.Equal(1, JaroWinkler.Similarity("siti", "siti"));
    }

    [Theory]
    [InlineData("Hj. Siti Aminah, S.Pd.", "SITI AMINAH", 1.0)]
    [InlineData("Moh. Rizki Saputra", "Muhammad Rizki Saputra", 1.0)]
    [InlineData("Siti Aminah", "Aminah Siti", 0.99)]
    [InlineData("Siti Aminah", "Siti Aminh", 0.95)]
    [InlineData("Agus Santoso", "Agus", 0.9)]
    public void Variants_of_one_person_score_high(string a, string b, double atLeast) =>
        Assert.True(Score(a, b) >= atLeast, $"{a} ~ {b} = {Score(a, b):0.000}");

    [Theory]
    [InlineData("Siti Aminah", "Sri Wahyuni")]
    [InlineData("Agus Santoso", "Budi Hartono")]
    [InlineData("Dewi Lestari", "Eko Prasetyo")]
    public void Different_people_score_low(string a, string b) =>
        Assert.True(Score(a, b) < 0.8, $"{a} ~ {b} = {Score(a, b):0.000}");

    [Fact]
    public void Empty_names_never_match() => Assert.Equal(0, NameSimilarity.Score(string.Empty, "siti"));

    private static double Score(string a, string b) => NameSimilarity.Score(PersonName.Normalize(a), PersonName.Normalize(b));
}
