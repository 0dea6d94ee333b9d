using Lindung.Domain.Contributions;
using static Lindung.Domain.Tests.Contributions.BuiltInRates;

namespace Lindung.Domain.Tests.Contributions;

public class BpuCalculatorTests
{
    private static ContributionResult Bpu(string month, long income, bool jht = false, BpuSector sector = BpuSector.Other, bool budget = false) =>
        BpuCalculator.Calculate(new BpuRequest(Month(month), income, jht, sector, budget), Book);

    [Fact]
    public void Worked_example_B_normal_month()
    {
        var withJht = Bpu("2025-11", 2_500_000, jht: true);
        Assert.Equal(25_000, Amount(withJht, ContributionProgram.Jkk, Payer.Worker));
        Assert.Equal(6_800, Amount(withJht, ContributionProgram.Jkm, Payer.Worker));
        Assert.Equal(50_000, Amount(withJht, ContributionProgram.Jht, Payer.Worker));
        Assert.Equal(81_800, withJht.Total);
        Assert.Equal(31_800, Bpu("2025-11", 2_500_000).Total);
    }

    [Fact]
    public void Worked_example_B_with_the_PP_50_2025_discount()
    {
        var withJht = Bpu("2026-05", 2_500_000, jht: true);
        Assert.Equal(12_500, Amount(withJht, ContributionProgram.Jkk, Payer.Worker));
        Assert.Equal(3_400, Amount(withJht, ContributionProgram.Jkm, Payer.Worker));
        Assert.Equal(50_000, Amount(withJht, ContributionProgram.Jht, Payer.Worker)); // JHT never discounted
        Assert.Equal(65_900, withJht.Total);
        Assert.Equal(15_900, Bpu("2026-05", 2_500_000).Total);
    }

    [Fact]
    public void Worked_example_B_paid_by_APBD_gets_no_discount()
    {
        Assert.Equal(81_800, Bpu("2026-05", 2_500_000, jht: true, budget: true).Total);
        Assert.Equal(16_800, Bpu("2026-05", 1_000_000, budget: true).Total);
        Assert.Equal(16_800, Bpu("2026-05", 1_000_000, sector: BpuSector.Transport, budget: true).Total);
    }

    [Fact]
    public void Minimum_package_is_16_800_and_8_400_discounted()
    {
        Assert.Equal(16_800, Bpu("2025-06", 1_000_000).Total);
        Assert.Equal(36_800, Bpu("2025-06", 1_000_000, jht: true).Total);
        Assert.Equal(8_400, Bpu("2026-06", 1_000_000).Total);
    }

    [Theory]
    [InlineData(BpuSector.Transport, "2025-12", false)]
    [InlineData(BpuSector.Transport, "2026-01", true)]
    [InlineData(BpuSector.Transport, "2027-03", true)]
    [InlineData(BpuSector.Transport, "2027-04", false)]
    [InlineData(BpuSector.Other, "2026-03", false)]
    [InlineData(BpuSector.Other, "2026-04", true)]
    [InlineData(BpuSector.Other, "2026-12", true)]
    [InlineData(BpuSector.Other, "2027-01", false)]
    public void Discount_windows_by_sector(BpuSector sector, string month, bool discounted)
    {
        var result = Bpu(month, 2_500_000, sector: sector);
        Assert.Equal(discounted ? 15_900 : 31_800, result.Total);
        Assert.Equal(discounted, result.LegalBasis.Any(b => b.Parameter.StartsWith("bpu.discount.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Discount_rounds_once_on_the_reduced_rate()
    {
        // 1,000,050 × 0.5% = 5,000.25 → 5,000 (halving the rounded 10,001 would give 5,001).
        Assert.Equal(5_000, Amount(Bpu("2026-06", 1_000_050), ContributionProgram.Jkk, Payer.Worker));
    }

    [Fact]
    public void Income_below_the_minimum_is_refused()
    {
        var ex = Assert.Throws<ContributionException>(() => Bpu("2026-05", 999_999));
        Assert.Equal("income_below_minimum", ex.Code);
        Assert.Contains("1,000,000", ex.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_is_paid_by_the_participant()
    {
        Assert.All(Bpu("2026-05", 3_000_000, jht: true).Lines, l => Assert.Equal(Payer.Worker, l.Payer));
    }
}
