using Lindung.Domain.Matching;

namespace Lindung.Domain.Tests.Matching;

public class PersonNameTests
{
    [Theory]
    [InlineData("Drs. Agus Santoso", "agus santoso")]
    [InlineData("Dra. Sri Wahyuni", "sri wahyuni")]
    [InlineData("H. Ahmad Fauzi", "ahmad fauzi")]
    [InlineData("Hj. Siti Aminah, S.Pd., M.Pd.", "siti aminah")]
    [InlineData("Ir. Bambang Wibowo", "bambang wibowo")]
    [InlineData("Siti Aminah S.Pd", "siti aminah")]
    [InlineData("Rina Lestari, A.Md.Kep.", "rina lestari")]
    [InlineData("Eko Prasetyo S.Kom.", "eko prasetyo")]
    [InlineData("Yuliana, SE", "yuliana")]
    public void Titles_before_and_after_the_name_are_dropped(string raw, string folded) =>
        Assert.Equal(folded, PersonName.Normalize(raw));

    [Theory]
    [InlineData("Muhammad Rizki", "muhammad rizki")]
    [InlineData("Moh. Rizki", "muhammad rizki")]
    [InlineData("Muh Rizki", "muhammad rizki")]
    [InlineData("M. Rizki", "muhammad rizki")]
    [InlineData("M.Rizki", "muhammad rizki")]
    [InlineData("Mochammad Rizki", "muhammad rizki")]
    [InlineData("Mochamad Rizki", "muhammad rizki")]
    [InlineData("Mohamad Rizki", "muhammad rizki")]
    [InlineData("Achmad Fauzi", "ahmad fauzi")]
    public void The_spellings_of_Muhammad_and_Ahmad_become_one(string raw, string folded) =>
        Assert.Equal(folded, PersonName.Normalize(raw));

    [Theory]
    [InlineData("Soekarno", "sukarno")]
    [InlineData("Djoko Santoso", "joko santoso")]
    [InlineData("Tjipto", "cipto")]
    [InlineData("Sjahrir", "syahrir")]
    [InlineData("Chairul Anam", "khairul anam")]
    [InlineData("Soenarti Poerwanto", "sunarti purwanto")]
    public void Old_spellings_are_written_the_modern_way(string raw, string folded) =>
        Assert.Equal(folded, PersonName.Normalize(raw));

    [Theory]
    [InlineData("  SITI   aminah ", "siti aminah")]
    [InlineData("Ma'ruf Amin", "maruf amin")]
    [InlineData("Nur-Aini", "nur aini")]
    [InlineData("José Rizal", "jose rizal")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Case_spacing_accents_and_punctuation_fold(string? raw, string folded) =>
        Assert.Equal(folded, PersonName.Normalize(raw));

    [Theory]
    [InlineData("Haji", "haji")] // a lone word is the name, not a title
    [InlineData("Hj.", "hj")]
    [InlineData("Dr", "dr")]
    public void A_title_alone_is_kept_as_the_name(string raw, string folded) =>
        Assert.Equal(folded, PersonName.Normalize(raw));
}
