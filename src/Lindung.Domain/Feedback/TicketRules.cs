using Lindung.Domain.Enforcement;

namespace Lindung.Domain.Feedback;

/// <summary>
/// The branch's promise on a ticket: a first answer within a number of working days of the opening,
/// per category. DOMAIN.md sets no figure; the numbers are an installation setting (defaults 5 for a
/// complaint, 10 for the rest), counted on the region's holiday calendar.
/// </summary>
public sealed record TicketRules(IReadOnlyDictionary<TicketCategory, int> AnswerWorkingDays)
{
    public static TicketRules Default { get; } = new(new Dictionary<TicketCategory, int>
    {
        [TicketCategory.Kritik] = 10,
        [TicketCategory.Saran] = 10,
        [TicketCategory.Masukan] = 10,
        [TicketCategory.Pengaduan] = 5,
    });

    /// <summary>The last working day the first answer is due.</summary>
    public DateOnly AnswerDue(TicketCategory category, DateOnly openedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(openedOn, AnswerWorkingDays.TryGetValue(category, out var days) ? days : Default.AnswerWorkingDays[category]);

    /// <summary>
    /// Past the answer time: still waiting for the branch's first answer, not closed, and the due day has
    /// gone by (an answer on the due day is in time).
    /// </summary>
    public static bool Overdue(TicketStatus status, DateOnly? firstAnsweredOn, DateOnly answerDueOn, DateOnly today) =>
        firstAnsweredOn is null && status != TicketStatus.Closed && answerDueOn < today;

    /// <summary>Satisfaction at closing is a whole number of stars, 1 (very unsatisfied) to 5 (very satisfied).</summary>
    public static bool ValidSatisfaction(int stars) => stars is >= 1 and <= 5;
}
