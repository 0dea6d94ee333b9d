using Lindung.Domain.Contributions;
using static Lindung.Domain.Tests.Contributions.BuiltInRates;

namespace Lindung.Domain.Tests.Contributions;

public class JakonCalculatorTests
{
    private static ContributionResult ByValue(long value) =>
        JakonCalculator.Calculate(new JakonContractRequest(Month("2026-05"), value), Book);

    [Fact]
    public void Worked_example_C_contract_750m()
    {
        var result = ByValue(750_000_000);

        Assert.Equal(1_215_000, Amount(result, ContributionProgram.Jkk, Payer.Employer));
        Assert.Equal(160_000, Amount(result, ContributionProgram.Jkm, Payer.Employer));
        Assert.Equal(1_375_000, result.Total);
        Assert.Equal(ContributionPeriod.Project, result.Period);
        var jkkLayers = result.Lines.Where(l => l.Program == ContributionProgram.Jkk).Select(l => (l.Base, l.Amount));
        Assert.Equal([(100_000_000L, 210_000L), (400_000_000L, 680_000L), (250_000_000L, 325_000L)], jkkLayers);
    }

    [Theory]
    [InlineData(100_000_000, 210_000, 30_000)]
    [InlineData(100_000_001, 210_000, 30_000)] // 1 rupiah at 0.17% rounds to 0
    [InlineData(100_001_000, 210_002, 30_000)] // 1,000 × 0.17% = 1.7 → 2; × 0.02% = 0.2 → 0
    [InlineData(500_000_000, 890_000, 110_000)]
    [InlineData(1_000_000_000, 1_540_000, 210_000)]
    [InlineData(5_000_000_000, 5_940_000, 610_000)]
    [InlineData(5_000_000_001, 5_940_000, 610_000)]
    [InlineData(5_000_001_000, 5_940_001, 610_000)] // 1,000 × 0.09% = 0.9 → 1 in the top tier
    [InlineData(10_000_000_000, 10_440_000, 1_110_000)]
    public void Tier_boundaries(long value, long jkk, long jkm)
    {
        var result = ByValue(value);
        Assert.Equal(jkk, Amount(result, ContributionProgram.Jkk, Payer.Employer));
        Assert.Equal(jkm, Amount(result, ContributionProgram.Jkm, Payer.Employer));
    }

    [Fact]
    public void Exactly_on_a_bound_does_not_open_the_next_tier()
    {
        Assert.Equal(2, ByValue(100_000_000).Lines.Count);
        Assert.Equal(4, ByValue(100_000_001).Lines.Count);
        Assert.Equal(8, ByValue(5_000_000_000).Lines.Count);
        Assert.Equal(10, ByValue(5_000_000_001).Lines.Count);
    }

    [Fact]
    public void Layers_add_up_to_the_contract_value()
    {
        var jkk = ByValue(3_456_789_012).Lines.Where(l => l.Program == ContributionProgram.Jkk);
        Assert.Equal(3_456_789_012, jkk.Sum(l => l.Base));
    }

    [Fact]
    public void Worked_example_C_wage_method_30_workers_at_3m()
    {
        var result = JakonCalculator.Calculate(new JakonWageRequest(Month("2026-05"), 3_000_000, 30, 6), Book);

        Assert.Equal(ContributionPeriod.Month, result.Period);
        Assert.Equal(1_566_000, Amount(result, ContributionProgram.Jkk, Payer.Employer));
        Assert.Equal(270_000, Amount(result, ContributionProgram.Jkm, Payer.Employer));
        Assert.Equal(1_836_000, result.Total);
        Assert.Equal(6, result.ProjectMonths);
        Assert.Equal(11_016_000, result.ProjectTotal);
    }

    [Theory]
    [InlineData(0, 30, 6)]
    [InlineData(3_000_000, 0, 6)]
    [InlineData(3_000_000, 30, 0)]
    [InlineData(long.MaxValue, 30, 6)]
    public void Wage_method_rejects_bad_input(long wage, int workers, int months) =>
        Assert.Throws<ContributionException>(() => JakonCalculator.Calculate(new JakonWageRequest(Month("2026-05"), wage, workers, months), Book));

    [Fact]
    public void Contract_value_must_be_positive() =>
        Assert.Throws<ContributionException>(() => ByValue(0));
}
