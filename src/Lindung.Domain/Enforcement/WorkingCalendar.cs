namespace Lindung.Domain.Enforcement;

/// <summary>
/// Working days for deadlines: Monday to Friday, less national holidays and joint leave (cuti
/// bersama) and the region's own holidays, which the caller loads as data. A deadline never falls
/// on a day off: a window that ends on one ends on the next working day.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> daysOff)
{
    private readonly HashSet<DateOnly> _daysOff = [.. daysOff];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(day);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (the start itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return days == 0 ? NextWorkingDayFrom(day) : day;
    }

    /// <summary>A window of calendar days after <paramref name="start"/>, moved to the next working day when it ends on a day off.</summary>
    public DateOnly AddCalendarDays(DateOnly start, int days) => NextWorkingDayFrom(start.AddDays(days));

    /// <summary>The day itself when it is a working day, else the next one.</summary>
    public DateOnly NextWorkingDayFrom(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> comes first.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
