using CsCheck;
using Lindung.Domain.Compliance;

namespace Lindung.Domain.Tests.Compliance;

public class EmployerIdentifierTests
{
    [Theory]
    [InlineData("15070955", EmployerIdentifierKind.Npp, "15070955")]
    [InlineData("9120001234567", EmployerIdentifierKind.Nib, "9120001234567")]
    [InlineData("01.234.567.8-901.000", EmployerIdentifierKind.Npwp, "012345678901000")]
    [InlineData(" 0012 3456 7890 1000 ", EmployerIdentifierKind.Npwp, "0012345678901000")]
    public void Each_register_is_told_apart_by_its_length(string text, EmployerIdentifierKind kind, string value)
    {
        Assert.True(EmployerIdentifier.TryParse(text, out var identifier, out var error));
        Assert.Null(error);
        Assert.Equal(new EmployerIdentifier(kind, value), identifier);
    }

    [Theory]
    [InlineData(null, "IDENTIFIER_EMPTY")]
    [InlineData("  ", "IDENTIFIER_EMPTY")]
    [InlineData("PT-ABC", "IDENTIFIER_NOT_DIGITS")]
    [InlineData("1507095", "IDENTIFIER_LENGTH")]
    [InlineData("150709551", "IDENTIFIER_LENGTH")]
    [InlineData("12345678901234567", "IDENTIFIER_LENGTH")]
    [InlineData("--..", "IDENTIFIER_NOT_DIGITS")]
    public void Anything_else_is_refused_by_name(string? text, string code)
    {
        Assert.False(EmployerIdentifier.TryParse(text, out var identifier, out var error));
        Assert.Null(identifier);
        Assert.Equal(code, error!.Code);
    }

    [Fact]
    public void Arbitrary_text_never_throws_and_a_parse_only_keeps_digits_of_a_known_length()
    {
        Gen.String.Sample(text =>
        {
            if (EmployerIdentifier.TryParse(text, out var identifier, out _))
            {
                Assert.All(identifier!.Value, c => Assert.True(char.IsAsciiDigit(c)));
                Assert.Contains(identifier.Value.Length, new[] { 8, 13, 15, 16 });
            }
        });
    }

    [Fact]
    public void A_sixteen_digit_npwp_with_a_leading_zero_also_finds_its_fifteen_digit_form()
    {
        Assert.Equal(["0012345678901000", "012345678901000"], Parse("0012345678901000").NpwpForms());
        Assert.Equal(["012345678901000", "0012345678901000"], Parse("012345678901000").NpwpForms());
        Assert.Empty(Parse("15070955").NpwpForms());
    }

    private static EmployerIdentifier Parse(string text)
    {
        Assert.True(EmployerIdentifier.TryParse(text, out var identifier, out _));
        return identifier!;
    }
}
