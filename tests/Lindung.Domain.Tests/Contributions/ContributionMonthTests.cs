using Lindung.Domain.Contributions;

namespace Lindung.Domain.Tests.Contributions;

public class ContributionMonthTests
{
    [Theory]
    [InlineData("2026-05", 2026, 5)]
    [InlineData("2015-07", 2015, 7)]
    [InlineData("1999-12", 1999, 12)]
    public void Parses_YYYY_MM(string text, int year, int month)
    {
        Assert.True(ContributionMonth.TryParse(text, out var parsed));
        Assert.Equal(new ContributionMonth(year, month), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("2026-5")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026/05")]
    [InlineData("2026-05-01")]
    [InlineData("+026-05")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_anything_else(string? text) => Assert.False(ContributionMonth.TryParse(text, out _));

    [Fact]
    public void Orders_and_adds_across_years()
    {
        var feb = new ContributionMonth(2026, 2);
        Assert.True(feb < new ContributionMonth(2026, 3));
        Assert.True(new ContributionMonth(2025, 12) < feb);
        Assert.Equal(new ContributionMonth(2027, 1), new ContributionMonth(2026, 12).AddMonths(1));
        Assert.Equal(new ContributionMonth(2025, 12), feb.AddMonths(-2));
    }
}
