namespace Lindung.Domain.Compliance;

/// <summary>
/// When PU contributions fall due: the employer pays each month's contribution by the 15th of the
/// following month (PP 44/2015, DOMAIN §2.3). A holiday moving the 15th to the next working day is
/// not modelled, so on such a day a payment may count as late one or two days early.
/// </summary>
public static class ContributionDue
{
    public const int DueDay = 15;

    /// <summary>The last iuran month (as its first day) that must have been paid by <paramref name="asOf"/>.</summary>
    public static DateOnly LastMonthDue(DateOnly asOf)
    {
        var firstOfMonth = new DateOnly(asOf.Year, asOf.Month, 1);
        return firstOfMonth.AddMonths(asOf.Day > DueDay ? -1 : -2);
    }

    /// <summary>Whole iuran months due by <paramref name="asOf"/> but not paid; 0 when paid up.</summary>
    public static int MonthsUnpaid(DateOnly lastPaidMonth, DateOnly asOf)
    {
        var due = LastMonthDue(asOf);
        var months = ((due.Year - lastPaidMonth.Year) * 12) + due.Month - lastPaidMonth.Month;
        return Math.Max(0, months);
    }
}
