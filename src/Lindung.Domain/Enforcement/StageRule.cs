namespace Lindung.Domain.Enforcement;

/// <summary>
/// One stage of the ladder as data: its names, its legal basis, and its window — in working days
/// (the warnings) or calendar days (the fine) — after which the case is overdue for the next step.
/// The fine rate per month is data too (DOMAIN marks 0.1% UNCONFIRMED).
/// </summary>
public sealed record StageRule(
    EnforcementStage Stage,
    string NameId,
    string NameEn,
    string LegalBasis,
    int? WorkingDays,
    int? CalendarDays,
    decimal? FineRatePerMonth = null)
{
    public string Name(bool english) => english ? NameEn : NameId;

    /// <summary>The day the stage's window ends, on the calendar; null for a stage without one.</summary>
    public DateOnly? DueOn(DateOnly enteredOn, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return WorkingDays is { } working ? calendar.AddWorkingDays(enteredOn, working)
            : CalendarDays is { } days ? calendar.AddCalendarDays(enteredOn, days)
            : null;
    }
}
