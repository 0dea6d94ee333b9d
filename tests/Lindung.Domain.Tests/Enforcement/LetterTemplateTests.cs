using Lindung.Domain.Enforcement;

namespace Lindung.Domain.Tests.Enforcement;

public class LetterTemplateTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["perusahaan"] = "CV Maju (NPP 12345678)",
        ["nama_perusahaan"] = "CV Maju",
        ["npp"] = string.Empty,
        ["tempat"] = "Kota Madiun",
    };

    [Theory]
    [InlineData("Tanpa tempat isian.", new string[0])]
    [InlineData("{perusahaan} di {tempat}, {perusahaan}", new[] { "perusahaan", "tempat", "perusahaan" })]
    [InlineData("{} dan {Perusahaan }", new[] { "", "Perusahaan " })]
    public void Placeholders_are_the_names_between_braces_as_written(string text, string[] names) =>
        Assert.Equal(names, LetterText.Placeholders(text));

    [Theory]
    [InlineData("{perusahaan")]
    [InlineData("perusahaan}")]
    [InlineData("{{perusahaan}}")]
    [InlineData("{a} } {b}")]
    public void A_brace_that_does_not_pair_up_is_no_placeholder(string text) =>
        Assert.Null(LetterText.Placeholders(text));

    [Fact]
    public void Filling_replaces_every_placeholder_and_leaves_the_rest_as_written()
    {
        Assert.Equal("Kepada CV Maju (NPP 12345678) di Kota Madiun.", LetterText.Fill("Kepada {perusahaan} di {tempat}.", Values));
        Assert.Equal("Tanpa tempat isian.", LetterText.Fill("Tanpa tempat isian.", Values));
        Assert.Throws<KeyNotFoundException>(() => LetterText.Fill("{tidak_ada}", Values));
        Assert.Throws<FormatException>(() => LetterText.Fill("{perusahaan", Values));
    }

    [Fact]
    public void An_addressee_line_whose_placeholder_is_empty_is_left_out_and_elsewhere_an_empty_value_stays()
    {
        var template = new LetterTemplate("Perihal {npp}", ["{nama_perusahaan}", "NPP {npp}", "di {tempat}"], ["Untuk {perusahaan}, NPP: {npp}."], "Kepala");

        var filled = template.Fill(Values);

        Assert.Equal(["CV Maju", "di Kota Madiun"], filled.Addressee);
        Assert.Equal("Perihal ", filled.Subject);
        Assert.Equal(["Untuk CV Maju (NPP 12345678), NPP: ."], filled.Paragraphs);
        Assert.Equal(["Perihal {npp}", "{nama_perusahaan}", "NPP {npp}", "di {tempat}", "Untuk {perusahaan}, NPP: {npp}.", "Kepala"], template.Texts);
    }
}
