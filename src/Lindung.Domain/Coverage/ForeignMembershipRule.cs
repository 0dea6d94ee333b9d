using Lindung.Domain.Contributions;

namespace Lindung.Domain.Coverage;

/// <summary>
/// When a foreign worker's membership becomes required: UU 24/2011 art. 14(1) obliges every person,
/// including a foreigner who has worked at least six months in Indonesia, to be a member. The months
/// are a rate-book row (<see cref="RateParameters.ForeignMembershipDueMonths"/>), effective-dated.
/// Before that day a foreign worker who is not a member is no coverage gap.
/// </summary>
public sealed record ForeignMembershipRule(int Months)
{
    /// <summary>The rule in force on <paramref name="today"/>.</summary>
    public static ForeignMembershipRule InForce(RateBook book, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new(book.At(new ContributionMonth(today.Year, today.Month)).Count(RateParameters.ForeignMembershipDueMonths));
    }

    /// <summary>The first day membership is required of a foreigner working in Indonesia since <paramref name="workingSince"/>.</summary>
    public DateOnly DueFrom(DateOnly workingSince) => workingSince.AddMonths(Months);

    public bool IsDue(DateOnly workingSince, DateOnly today) => today >= DueFrom(workingSince);
}
