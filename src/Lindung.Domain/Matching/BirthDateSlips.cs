namespace Lindung.Domain.Matching;

/// <summary>
/// The birth dates a clerk could have meant when typing another: day and month swapped, or one
/// digit of yyyyMMdd wrong. These are exactly the dates <see cref="MatchEvidence.CompareBirthDates"/>
/// calls <see cref="BirthDateAgreement.Near"/>, so the search can visit those dates' members
/// directly instead of scanning broad blocks for them.
/// </summary>
public static class BirthDateSlips
{
    /// <summary>Room enough for every date <see cref="OneDigitApart"/> can write (8 digits × 9 others).</summary>
    public const int MaxOneDigitApart = 72;

    /// <summary>The date with day and month swapped (03/12 for 12/03), when that is another valid date.</summary>
    public static DateOnly? Swapped(DateOnly date) =>
        date.Day <= 12 && date.Day != date.Month ? new DateOnly(date.Year, date.Day, date.Month) : null;

    /// <summary>Writes the day numbers of the valid dates one yyyyMMdd digit from <paramref name="date"/>; returns how many.</summary>
    public static int OneDigitApart(DateOnly date, Span<int> dayNumbers)
    {
        var count = 0;
        var digits = (date.Year * 10000) + (date.Month * 100) + date.Day;
        for (var place = 1; place <= 10_000_000; place *= 10)
        {
            var digit = digits / place % 10;
            for (var other = 0; other <= 9; other++)
            {
                if (other == digit)
                {
                    continue;
                }

                var candidate = digits + ((other - digit) * place);
                var (year, month, day) = (candidate / 10000, candidate / 100 % 100, candidate % 100);
                if (year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                {
                    dayNumbers[count++] = new DateOnly(year, month, day).DayNumber;
                }
            }
        }

        return count;
    }
}
