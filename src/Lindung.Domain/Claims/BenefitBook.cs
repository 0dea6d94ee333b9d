using Lindung.Domain.Contributions;

namespace Lindung.Domain.Claims;

/// <summary>
/// The benefit amounts that an uncovered worker's employer owes itself when an accident or death
/// happens (DOMAIN §10.1–10.2, PP 82/2019, from 2 December 2019), and the payment SLA per claim kind
/// in working days after complete documents (DOMAIN §10.4: UNCONFIRMED, the branch's table). The
/// values are rows of the rate book (<c>benefit.*</c>, <c>claim.sla.*</c>), effective-dated and
/// changed by an admin's overlay like any rate: <see cref="From"/> reads the ones in force.
/// </summary>
public sealed record BenefitBook(
    long JkmLumpSum,
    long PeriodicLumpSum,
    long Funeral,
    int JkkDeathWageMultiple,
    int StmbFullWageMonths,
    IReadOnlyDictionary<ClaimKind, int> SlaWorkingDays)
{
    private static readonly RateParameter[] Parameters =
    [
        RateParameters.BenefitJkmLumpSum, RateParameters.BenefitPeriodicLumpSum, RateParameters.BenefitFuneral,
        RateParameters.BenefitJkkDeathWageMultiple, RateParameters.BenefitJkkStmbFullWageMonths,
        RateParameters.ClaimSlaJkk, RateParameters.ClaimSlaJkm, RateParameters.ClaimSlaJht, RateParameters.ClaimSlaJp,
    ];

    /// <summary>The book in force on <paramref name="day"/>; null when the rate book has no complete book for that month (an event before the amounts it holds).</summary>
    public static BenefitBook? InForce(RateBook book, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(book);
        var month = new ContributionMonth(day.Year, day.Month);
        return Array.TrueForAll(Parameters, p => book.Find(p, month) is not null) ? From(book.At(month)) : null;
    }

    /// <summary>The book in force in the month <paramref name="rates"/> looks from (an event's month for a liability, today's for an SLA).</summary>
    public static BenefitBook From(RatesInForce rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new BenefitBook(
            rates.Amount(RateParameters.BenefitJkmLumpSum),
            rates.Amount(RateParameters.BenefitPeriodicLumpSum),
            rates.Amount(RateParameters.BenefitFuneral),
            rates.Count(RateParameters.BenefitJkkDeathWageMultiple),
            rates.Count(RateParameters.BenefitJkkStmbFullWageMonths),
            new Dictionary<ClaimKind, int>
            {
                [ClaimKind.Jkk] = rates.Count(RateParameters.ClaimSlaJkk),
                [ClaimKind.Jkm] = rates.Count(RateParameters.ClaimSlaJkm),
                [ClaimKind.Jht] = rates.Count(RateParameters.ClaimSlaJht),
                [ClaimKind.Jp] = rates.Count(RateParameters.ClaimSlaJp),
            });
    }

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
