using Lindung.Domain.Claims;
using Lindung.Domain.Contributions;
using static Lindung.Domain.Tests.Contributions.BuiltInRates;

namespace Lindung.Domain.Tests.Claims;

public class BenefitBookTests
{
    private static readonly BenefitBook Today = BenefitBook.InForce(Book, new DateOnly(2026, 12, 7))!;

    [Fact]
    public void Worked_example_E_uncovered_trader_dying_on_the_way_to_market() =>
        // DOMAIN §10.5: declared income Rp1,000,000 → 48 × 1,000,000 + 12,000,000 + 10,000,000.
        Assert.Equal(70_000_000, Today.UncoveredLiability(ClaimKind.Jkk, death: true, monthlyWage: 1_000_000));

    [Fact]
    public void A_death_not_caused_by_work_is_the_jkm_cash_total() =>
        Assert.Equal(42_000_000, Today.UncoveredLiability(ClaimKind.Jkm, death: true, monthlyWage: null));

    [Fact]
    public void An_accident_without_death_is_a_year_of_full_wage_and_savings_are_no_liability()
    {
        Assert.Equal(36_000_000, Today.UncoveredLiability(ClaimKind.Jkk, death: false, monthlyWage: 3_000_000));
        Assert.Null(Today.UncoveredLiability(ClaimKind.Jkk, death: false, monthlyWage: null));
        Assert.Null(Today.UncoveredLiability(ClaimKind.Jht, death: false, monthlyWage: 3_000_000));
    }

    [Fact]
    public void The_sla_days_are_the_rate_books_and_an_overlay_changes_them_from_its_month()
    {
        Assert.Equal((7, 3, 5, 5), (Today.SlaWorkingDays[ClaimKind.Jkk], Today.SlaWorkingDays[ClaimKind.Jkm], Today.SlaWorkingDays[ClaimKind.Jht], Today.SlaWorkingDays[ClaimKind.Jp]));
        var overlay = Source(
            "branch-sla.json",
            """{ "id": "claim.sla.jht", "valid_from": "2027-01", "valid_to": null, "unit": "count", "value": 3, "legal_basis": "branch SLA table", "status": "UNCONFIRMED" }""");
        var book = new RateBook([.. Book.Sources, overlay]);
        Assert.Equal(5, BenefitBook.InForce(book, new DateOnly(2026, 12, 31))!.SlaWorkingDays[ClaimKind.Jht]);
        Assert.Equal(3, BenefitBook.InForce(book, new DateOnly(2027, 1, 1))!.SlaWorkingDays[ClaimKind.Jht]);
    }

    [Fact]
    public void Before_the_amounts_the_book_holds_no_liability_is_estimated() =>
        Assert.Null(BenefitBook.InForce(Book, new DateOnly(2019, 11, 30)));

    [Fact]
    public void A_count_must_be_whole_and_named_as_a_count() =>
        Assert.Throws<RateBookFormatException>(() => Source(
            "bad.json",
            """{ "id": "benefit.jkk.death_wage_multiple", "valid_from": "2027-01", "valid_to": null, "unit": "count", "value": 48.5, "legal_basis": "x", "status": "UNCONFIRMED" }"""));
}
