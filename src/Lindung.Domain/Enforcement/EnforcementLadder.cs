namespace Lindung.Domain.Enforcement;

/// <summary>
/// The moves a case may make: up one stage at a time while open, to an outcome from any stage after
/// the opening, and back open only through a named reopen. The fine is the rate per month of the
/// contributions due, for each month in arrears, rounded half-up to the rupiah.
/// </summary>
public static class EnforcementLadder
{
    public const EnforcementStage Last = EnforcementStage.Referral;

    /// <summary>The next stage, or null at the top of the ladder.</summary>
    public static EnforcementStage? Next(EnforcementStage stage) => stage < Last ? stage + 1 : null;

    /// <summary>Whether an open case at <paramref name="current"/> may move to <paramref name="target"/>: only to the next stage, never skipping or going back.</summary>
    public static bool MayAdvance(EnforcementStage current, EnforcementStage target) => Next(current) == target;

    /// <summary>From the request to withhold licences on, a public service is denied: the licensing gate answers SANCTIONED.</summary>
    public static bool WithholdsServices(EnforcementStage stage) => stage >= EnforcementStage.Tmp2t;

    /// <summary>
    /// The fine for <paramref name="monthsInArrears"/> months on <paramref name="contributionsDue"/>
    /// rupiah at <paramref name="ratePerMonth"/> (e.g. 0.001): integer rupiah, half-up.
    /// </summary>
    public static long Fine(long contributionsDue, decimal ratePerMonth, int monthsInArrears)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contributionsDue);
        ArgumentOutOfRangeException.ThrowIfNegative(ratePerMonth);
        ArgumentOutOfRangeException.ThrowIfNegative(monthsInArrears);
        return (long)Math.Round(contributionsDue * ratePerMonth * monthsInArrears, MidpointRounding.AwayFromZero);
    }

    /// <summary>The stages in ladder order with the rules of PP 86/2013 as shipped; a region's data may change windows and the fine rate.</summary>
    public static IReadOnlyList<StageRule> DefaultRules { get; } =
    [
        new(EnforcementStage.Opened, "Kasus dibuka", "Case opened", "PP 86/2013 Pasal 5", 10, null),
        new(EnforcementStage.Warning1, "Teguran tertulis I", "Written warning I", "PP 86/2013 Pasal 5 ayat (2) huruf a, Pasal 6", 10, null),
        new(EnforcementStage.Warning2, "Teguran tertulis II", "Written warning II", "PP 86/2013 Pasal 6 ayat (2)", 10, null),
        new(EnforcementStage.Fine, "Denda", "Fine", "PP 86/2013 Pasal 5 ayat (2) huruf b, Pasal 7", null, 30, 0.001m),
        new(EnforcementStage.Tmp2t, "Tidak mendapat pelayanan publik tertentu (TMP2T)", "Certain public services withheld (TMP2T)", "PP 86/2013 Pasal 8–9; Permenaker 4/2018", 30, null),
        new(EnforcementStage.Referral, "Diserahkan ke Kejaksaan Negeri (SKK)", "Referred to the state attorney (SKK)", "UU 24/2011 Pasal 13; Inpres 2/2021", null, null),
    ];
}
