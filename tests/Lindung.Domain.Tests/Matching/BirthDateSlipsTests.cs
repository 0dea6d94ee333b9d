using Lindung.Domain.Matching;

namespace Lindung.Domain.Tests.Matching;

public class BirthDateSlipsTests
{
    [Theory]
    [InlineData("1985-03-12")]
    [InlineData("2000-02-29")]
    [InlineData("1970-12-31")]
    [InlineData("1999-10-01")]
    public void One_digit_apart_is_exactly_what_the_model_calls_near(string written)
    {
        var date = DateOnly.Parse(written, System.Globalization.CultureInfo.InvariantCulture);
        Span<int> days = stackalloc int[BirthDateSlips.MaxOneDigitApart];
        var found = days[..BirthDateSlips.OneDigitApart(date, days)].ToArray().ToHashSet();
        var swapped = BirthDateSlips.Swapped(date)?.DayNumber;

        // Every date within 20 years either way: near (one digit or swapped) exactly when listed.
        for (var day = date.AddYears(-20).DayNumber; day <= date.AddYears(20).DayNumber; day++)
        {
            var other = DateOnly.FromDayNumber(day);
            var near = MatchEvidence.CompareBirthDates(date, other) == BirthDateAgreement.Near;
            Assert.True(near == (found.Contains(day) || swapped == day), $"{date} vs {other}: near {near}");
        }
    }

    [Fact]
    public void Day_and_month_swap_only_when_the_day_can_be_a_month()
    {
        Assert.Equal(new DateOnly(1985, 12, 3), BirthDateSlips.Swapped(new DateOnly(1985, 3, 12)));
        Assert.Null(BirthDateSlips.Swapped(new DateOnly(1985, 3, 13)));
        Assert.Null(BirthDateSlips.Swapped(new DateOnly(1985, 4, 4)));
    }
}
