using Lindung.Domain.Contributions;
using Lindung.Domain.Coverage;
using Lindung.Domain.Tests.Contributions;

namespace Lindung.Domain.Tests.Coverage;

public class ForeignMembershipRuleTests
{
    [Fact]
    public void A_foreigner_must_be_a_member_from_six_months_after_starting_work_in_the_built_in_book()
    {
        var rule = ForeignMembershipRule.InForce(BuiltInRates.Book, new DateOnly(2026, 12, 7));

        Assert.Equal(6, rule.Months);
        Assert.Equal(new DateOnly(2027, 2, 28), rule.DueFrom(new DateOnly(2026, 8, 31)));
        Assert.False(rule.IsDue(new DateOnly(2026, 6, 8), new DateOnly(2026, 12, 7)));
        Assert.True(rule.IsDue(new DateOnly(2026, 6, 7), new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public void An_overlay_changes_the_months_from_its_month_on()
    {
        var overlay = BuiltInRates.Source(
            "overlay.json",
            """{ "id": "membership.foreign.due_months", "valid_from": "2027-01", "valid_to": null, "unit": "count", "value": 3, "legal_basis": "test", "status": "UNCONFIRMED" }""");
        var book = new RateBook([.. BuiltInRates.Book.Sources, overlay]);

        Assert.Equal(6, ForeignMembershipRule.InForce(book, new DateOnly(2026, 12, 31)).Months);
        Assert.Equal(3, ForeignMembershipRule.InForce(book, new DateOnly(2027, 1, 1)).Months);
    }
}
