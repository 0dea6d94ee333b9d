namespace Lindung.Domain.Claims;

/// <summary>
/// The benefit amounts that an uncovered worker's employer owes itself when an accident or death
/// happens (DOMAIN §10.1–10.2, PP 82/2019, from 2 December 2019), and the payment SLA per claim kind
/// in working days after complete documents (DOMAIN §10.4: UNCONFIRMED, the branch's table). Values
/// are data of one effective date; the caller passes the book in force.
/// </summary>
public sealed record BenefitBook(
    DateOnly EffectiveFrom,
    string LegalBasis,
    long JkmLumpSum,
    long PeriodicLumpSum,
    long Funeral,
    int JkkDeathWageMultiple,
    int StmbFullWageMonths,
    IReadOnlyDictionary<ClaimKind, int> SlaWorkingDays)
{
    /// <summary>PP 82/2019 as DOMAIN records it; the SLA days are the commonly quoted ones, to be confirmed per branch.</summary>
    public static BenefitBook Pp82Of2019 { get; } = new(
        new DateOnly(2019, 12, 2),
        "PP 44/2015 jo. PP 82/2019",
        JkmLumpSum: 20_000_000,
        PeriodicLumpSum: 12_000_000,
        Funeral: 10_000_000,
        JkkDeathWageMultiple: 48,
        StmbFullWageMonths: 12,
        SlaWorkingDays: new Dictionary<ClaimKind, int> { [ClaimKind.Jkk] = 7, [ClaimKind.Jkm] = 3, [ClaimKind.Jht] = 5, [ClaimKind.Jp] = 5 });

    /// <summary>
    /// What the employer carries when the worker was not covered on the event day, rupiah, excluding
    /// scholarships and JKK medical care (uncapped, not estimable in advance): JKM 42 jt; a death from a work
    /// accident 48 × wage + 12 jt + 10 jt; a work accident without death the first 12 months of temporary
    /// incapacity at full wage (STMB). Null for JHT and JP, which are savings, not a liability, and for
    /// JKK without a known wage.
    /// </summary>
    public long? UncoveredLiability(ClaimKind kind, bool death, long? monthlyWage) => kind switch
    {
        ClaimKind.Jkm => JkmLumpSum + PeriodicLumpSum + Funeral,
        ClaimKind.Jkk when monthlyWage is not { } wage => null,
        ClaimKind.Jkk when death => (JkkDeathWageMultiple * monthlyWage!.Value) + PeriodicLumpSum + Funeral,
        ClaimKind.Jkk => StmbFullWageMonths * monthlyWage!.Value,
        _ => null,
    };
}
