using CsCheck;
using Lindung.Domain.Enforcement;

namespace Lindung.Domain.Tests.Enforcement;

public class WorkingCalendarTests
{
    // Christmas 2026 is a Friday and 24 December joint leave: both are days off.
    private static readonly WorkingCalendar Calendar = new([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)]);

    [Fact]
    public void Ten_working_days_skip_weekends_and_holidays()
    {
        // From Thu 17 Dec: 18, 21, 22, 23, 28, 29, 30, 31 Dec, 4, 5 Jan.
        Assert.Equal(new DateOnly(2027, 1, 5), Calendar.AddWorkingDays(new DateOnly(2026, 12, 17), 10));
    }

    [Fact]
    public void A_calendar_window_ending_on_a_holiday_ends_on_the_next_working_day()
    {
        // 25 Nov + 30 days = 25 Dec (holiday, Friday) → Monday 28 Dec.
        Assert.Equal(new DateOnly(2026, 12, 28), Calendar.AddCalendarDays(new DateOnly(2026, 11, 25), 30));
    }

    [Fact]
    public void Counting_working_days_undoes_adding_them_and_no_deadline_is_a_day_off()
    {
        var start = new DateOnly(2026, 1, 1);
        Gen.Int[0, 700].Select(Gen.Int[0, 60]).Sample((offset, days) =>
        {
            var from = start.AddDays(offset);
            var due = Calendar.AddWorkingDays(from, days);
            Assert.True(Calendar.IsWorkingDay(due), $"{from} + {days} = {due}");
            if (days > 0)
            {
                Assert.Equal(days, Calendar.WorkingDaysBetween(from, due));
            }

            Assert.True(Calendar.IsWorkingDay(Calendar.AddCalendarDays(from, days)));
        });
    }
}
