using Lindung.Domain.Contributions;
using static Lindung.Domain.Tests.Contributions.BuiltInRates;

namespace Lindung.Domain.Tests.Contributions;

public class PmiCalculatorTests
{
    private static ContributionResult Pmi(int months, long? jht = null, bool agency = true, string month = "2026-05") =>
        PmiCalculator.Calculate(new PmiRequest(Month(month), months, jht, agency), Book);

    [Theory]
    [InlineData(24, 370_000)]
    [InlineData(30, 451_000)]
    [InlineData(12, 226_500)]
    [InlineData(6, 145_500)]
    public void Worked_example_D_via_placement_agency(int months, long total) =>
        Assert.Equal(total, Pmi(months).Total);

    [Fact]
    public void Worked_example_D_30_months_is_the_24_month_package_plus_6_extra_months()
    {
        var lines = Pmi(30).Lines;
        Assert.Equal([37_500L, 332_500L, 81_000L], lines.Select(l => l.Amount));
    }

    [Fact]
    public void Worked_example_D_JHT_100k_for_24_months_adds_2_4m()
    {
        var result = Pmi(24, jht: 100_000);
        Assert.Equal(2_400_000, Amount(result, ContributionProgram.Jht, Payer.Worker));
        Assert.Equal(2_770_000, result.Total);
    }

    [Fact]
    public void Without_a_placement_agency_only_the_package_is_due()
    {
        Assert.Equal(332_500, Pmi(24, agency: false).Total);
        Assert.DoesNotContain(Pmi(24, agency: false).LegalBasis, b => b.Parameter == "pmi.pre_placement");
    }

    [Theory]
    [InlineData(1, 6, 0)] // shorter than the smallest package: the 6-month package
    [InlineData(5, 6, 0)]
    [InlineData(7, 6, 1)]
    [InlineData(18, 12, 6)]
    [InlineData(23, 12, 11)] // documented quirk: 12 + 11 × 13,500 = 337,500 > the 24-month package
    [InlineData(36, 24, 12)]
    public void Maps_a_contract_to_the_largest_package_not_longer_plus_extra_months(int contract, int package, int extra)
    {
        var packages = Book.At(Month("2026-05")).Packages(RateParameters.PmiPackages);
        Assert.Equal(package, PmiCalculator.PackageFor(packages, contract).Months);
        var expectedPackage = packages.Single(p => p.Months == package).Amount;
        Assert.Equal(expectedPackage + (extra * 13_500), Pmi(contract, agency: false).Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(150_000)]
    [InlineData(700_000)]
    public void Rejects_a_JHT_amount_outside_the_set(long amount)
    {
        var ex = Assert.Throws<ContributionException>(() => Pmi(12, jht: amount));
        Assert.Equal("jht_amount_invalid", ex.Code);
    }

    [Fact]
    public void Rejects_contract_shorter_than_a_month() =>
        Assert.Throws<ContributionException>(() => Pmi(0));

    [Fact]
    public void Refuses_months_before_Permenaker_4_2023()
    {
        var ex = Assert.Throws<ContributionException>(() => Pmi(24, month: "2023-01"));
        Assert.Contains("2023-01", ex.English, StringComparison.Ordinal);
    }
}
