using Lindung.Domain.Contributions;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Reconciliation;

/// <summary>What has to happen to close one worker's coverage gap.</summary>
internal enum GapKind
{
    /// <summary>NOT_REGISTERED: register the worker.</summary>
    Register,

    /// <summary>COVERED_INACTIVE: reactivate the membership.</summary>
    Reactivate,

    /// <summary>WAGE_UNDERREPORTED: report the roster wage.</summary>
    CorrectWage,

    /// <summary>PROGRAM_MISSING: add the required programs the membership lacks.</summary>
    CompletePrograms,
}

/// <summary>One roster worker's reconciliation outcome as the gap list needs it.</summary>
internal sealed record GapInput(ReconcileOutcome Outcome, bool WageUnderreported, bool ProgramMissing, long RosterWage, long? ReportedWage, ProgramSet MemberPrograms);

/// <summary>
/// The PU contribution rules the gap list prices with: a Pemda agency registers non-ASN staff as PU
/// with at least <see cref="ReconcileSettings.RequiredPrograms"/> (JKK+JKM, DOMAIN §1), JKK at the
/// agency's risk group. Agencies carry no risk group yet, so <see cref="DefaultRiskGroup"/> applies:
/// group I, the one government-administration offices are usually given (DOMAIN §2.1).
/// </summary>
internal sealed record GapPricing(RateBook Book, ContributionMonth Month, ProgramSet Required, int RiskGroup)
{
    public const int DefaultRiskGroup = 1;

    public static GapPricing ForAgencies(RateBook book, DateOnly today) =>
        new(book, new ContributionMonth(today.Year, today.Month), ReconcileSettings.Default.RequiredPrograms, DefaultRiskGroup);
}

/// <summary>
/// The monthly contribution that closes each gap, from the domain <see cref="PuCalculator"/> (never
/// rates of its own). Each program line is rounded half-up to the rupiah by the calculator; a
/// difference (wage correction) is the difference of the two rounded totals, so it always equals
/// what the two bills differ by. JKP is never billed (government share) and is left out.
/// <list type="bullet">
/// <item>Register: PU total on the roster wage for the required programs.</item>
/// <item>Reactivate: PU total on the roster wage for the membership's programs plus the required ones.</item>
/// <item>Correct wage: PU total on the roster wage minus on the reported wage, for the membership's programs.</item>
/// <item>Complete programs: PU total on the roster wage for the required programs the membership lacks.</item>
/// </list>
/// </summary>
internal static class GapCalculator
{
    private const ProgramSet Billed = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht | ProgramSet.Jp;

    /// <summary>The gaps of one worker with their monthly contribution; none for a worker fully covered, in review or on an invalid row.</summary>
    public static IEnumerable<(GapKind Kind, long Monthly)> Gaps(GapInput input, GapPricing pricing)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(pricing);
        switch (input.Outcome)
        {
            case ReconcileOutcome.NotRegistered:
                yield return (GapKind.Register, Total(input.RosterWage, pricing.Required, pricing));
                break;
            case ReconcileOutcome.CoveredInactive:
                yield return (GapKind.Reactivate, Total(input.RosterWage, pricing.Required | input.MemberPrograms, pricing));
                break;
            case ReconcileOutcome.CoveredActive:
                if (input.WageUnderreported)
                {
                    var programs = input.MemberPrograms;
                    yield return (GapKind.CorrectWage, Total(input.RosterWage, programs, pricing) - Total(input.ReportedWage ?? 0, programs, pricing));
                }

                if (input.ProgramMissing)
                {
                    yield return (GapKind.CompletePrograms, Total(input.RosterWage, pricing.Required & ~input.MemberPrograms, pricing));
                }

                break;
        }
    }

    /// <summary>Employer plus worker billed total per month; zero when there is no wage or nothing to bill.</summary>
    public static long Total(long wage, ProgramSet programs, GapPricing pricing)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        var list = Programs(programs & Billed);
        if (wage <= 0 || list.Count == 0)
        {
            return 0;
        }

        return PuCalculator.Calculate(new PuRequest(pricing.Month, wage, pricing.RiskGroup, list), pricing.Book).Total;
    }

    private static List<ContributionProgram> Programs(ProgramSet set)
    {
        var list = new List<ContributionProgram>(4);
        if (set.HasFlag(ProgramSet.Jkk))
        {
            list.Add(ContributionProgram.Jkk);
        }

        if (set.HasFlag(ProgramSet.Jkm))
        {
            list.Add(ContributionProgram.Jkm);
        }

        if (set.HasFlag(ProgramSet.Jht))
        {
            list.Add(ContributionProgram.Jht);
        }

        if (set.HasFlag(ProgramSet.Jp))
        {
            list.Add(ContributionProgram.Jp);
        }

        return list;
    }
}
