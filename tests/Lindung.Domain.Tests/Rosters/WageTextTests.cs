using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Rosters;

/// <summary>
/// Wages are read strictly: the shapes spreadsheets write are accepted, everything else is refused
/// instead of stripped down to its digits ("1e309" was read as 1,309, "0x10" as 10).
/// </summary>
public class WageTextTests
{
    [Theory]
    [InlineData("1e309")]
    [InlineData("1E+06")]
    [InlineData("0x10")]
    [InlineData("&H10")]
    [InlineData("2,5 juta")]
    [InlineData("2.500.000/bulan")]
    [InlineData("+2500000")]
    [InlineData("2-500000")]
    [InlineData("2.50.000")]
    [InlineData("2.500,000")]
    [InlineData("Rp")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_an_amount_is_unreadable(string? text) =>
        Assert.Equal(WageReading.Unreadable, WageText.Read(text, out _));

    [Theory]
    [InlineData("9,223,372,036,854,775,807")]
    [InlineData("9223372036854775807")]
    [InlineData("99999999999999999999999999999")]
    [InlineData("1.000.000.001")]
    [InlineData("Rp 1.000.000.001,-")]
    public void Amounts_above_the_monthly_bound_are_too_large(string text) =>
        Assert.Equal(WageReading.TooLarge, WageText.Read(text, out _));

    [Fact]
    public void The_bound_itself_is_accepted_and_a_huge_negative_does_not_overflow()
    {
        Assert.Equal(WageReading.Read, WageText.Read("Rp 1.000.000.000,00", out var most));
        Assert.Equal(WageText.MaxMonthly, most);

        Assert.Equal(WageReading.Read, WageText.Read("-99999999999999999999999", out var negative));
        Assert.True(negative < 0);
    }
}
