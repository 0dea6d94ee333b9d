using Lindung.Domain.Contributions;

namespace Lindung.Domain.Tests.Contributions;

public class RupiahTests
{
    [Theory]
    [InlineData(4_000_000, "0.54", 21_600)]
    [InlineData(11_086_300, "2.00", 221_726)]
    [InlineData(11_086_300, "1.00", 110_863)]
    [InlineData(1_000_050, "1.00", 10_001)] // 10,000.5 rounds up
    [InlineData(1_000_049, "1.00", 10_000)] // 10,000.49 rounds down
    [InlineData(1, "50", 1)] // 0.5 rounds away from zero, not to even
    [InlineData(3, "50", 2)] // 1.5 → 2
    [InlineData(5, "50", 3)] // 2.5 → 3 (banker's rounding would give 2)
    [InlineData(-5, "50", -3)] // symmetric away from zero
    [InlineData(100_000_001, "0.17", 170_000)]
    public void Percent_rounds_half_up_to_the_rupiah(long amount, string rate, long expected) =>
        Assert.Equal(expected, Rupiah.Percent(amount, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Percent_refuses_results_beyond_a_long() =>
        Assert.Throws<OverflowException>(() => Rupiah.Percent(long.MaxValue, 200m));
}
