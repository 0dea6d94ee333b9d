using Lindung.Domain.Claims;

namespace Lindung.Domain.Tests.Claims;

public class BenefitBookTests
{
    private static readonly BenefitBook Book = BenefitBook.Pp82Of2019;

    [Fact]
    public void Worked_example_E_uncovered_trader_dying_on_the_way_to_market() =>
        // DOMAIN §10.5: declared income Rp1,000,000 → 48 × 1,000,000 + 12,000,000 + 10,000,000.
        Assert.Equal(70_000_000, Book.UncoveredLiability(ClaimKind.Jkk, death: true, monthlyWage: 1_000_000));

    [Fact]
    public void A_death_not_caused_by_work_is_the_jkm_cash_total() =>
        Assert.Equal(42_000_000, Book.UncoveredLiability(ClaimKind.Jkm, death: true, monthlyWage: null));

    [Fact]
    public void An_accident_without_death_is_a_year_of_full_wage_and_savings_are_no_liability()
    {
        Assert.Equal(36_000_000, Book.UncoveredLiability(ClaimKind.Jkk, death: false, monthlyWage: 3_000_000));
        Assert.Null(Book.UncoveredLiability(ClaimKind.Jkk, death: false, monthlyWage: null));
        Assert.Null(Book.UncoveredLiability(ClaimKind.Jht, death: false, monthlyWage: 3_000_000));
    }
}
