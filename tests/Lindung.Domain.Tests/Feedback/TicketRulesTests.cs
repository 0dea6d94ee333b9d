using Lindung.Domain.Enforcement;
using Lindung.Domain.Feedback;

namespace Lindung.Domain.Tests.Feedback;

public class TicketRulesTests
{
    // 24 and 25 December 2026 are days off (joint leave and Christmas, Thursday and Friday).
    private static readonly WorkingCalendar Calendar = new([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)]);

    [Fact]
    public void A_complaint_is_due_five_working_days_on_skipping_weekends_and_holidays()
    {
        // Opened Monday 21 Dec: 22, 23, 28, 29, 30 December.
        Assert.Equal(new DateOnly(2026, 12, 30), TicketRules.Default.AnswerDue(TicketCategory.Pengaduan, new DateOnly(2026, 12, 21), Calendar));
    }

    [Fact]
    public void A_suggestion_waits_ten_working_days_unless_the_installation_says_otherwise()
    {
        var opened = new DateOnly(2026, 12, 1); // Tuesday
        Assert.Equal(new DateOnly(2026, 12, 15), TicketRules.Default.AnswerDue(TicketCategory.Saran, opened, Calendar));
        var quicker = new TicketRules(new Dictionary<TicketCategory, int> { [TicketCategory.Saran] = 2 });
        Assert.Equal(new DateOnly(2026, 12, 3), quicker.AnswerDue(TicketCategory.Saran, opened, Calendar));

        // A category the setting leaves out keeps its default.
        Assert.Equal(new DateOnly(2026, 12, 8), quicker.AnswerDue(TicketCategory.Pengaduan, opened, Calendar));
    }

    [Theory]
    [InlineData(TicketStatus.Open, null, "2026-12-10", false)] // due today: still in time
    [InlineData(TicketStatus.Open, null, "2026-12-09", true)]
    [InlineData(TicketStatus.Answered, "2026-12-12", "2026-12-09", false)] // answered late: late, no longer waiting
    [InlineData(TicketStatus.Closed, null, "2026-12-01", false)] // closed by the branch unanswered
    public void A_ticket_is_overdue_only_while_it_waits_for_a_first_answer_past_its_day(TicketStatus status, string? answered, string due, bool overdue) =>
        Assert.Equal(overdue, TicketRules.Overdue(status, answered is null ? null : DateOnly.Parse(answered, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 12, 10)));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Satisfaction_is_one_to_five_stars(int stars, bool valid) => Assert.Equal(valid, TicketRules.ValidSatisfaction(stars));
}
