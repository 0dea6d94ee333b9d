namespace Lindung.Domain.Contributions;

/// <summary>A Penerima Upah (wage earner) contribution question for one worker and month.</summary>
/// <param name="Month">The iuran month whose rates apply.</param>
/// <param name="Wage">Upah sebulan: basic wage + fixed allowances, in rupiah.</param>
/// <param name="RiskGroup">JKK risk group 1 (sangat rendah) to 5 (sangat tinggi) assigned to the employer.</param>
/// <param name="Programs">Programs the worker is enrolled in; see <see cref="ForBusinessSize"/>.</param>
/// <param name="BusinessSize">Set when <paramref name="Programs"/> was derived from the employer's size.</param>
public sealed record PuRequest(
    ContributionMonth Month,
    long Wage,
    int RiskGroup,
    IReadOnlyList<ContributionProgram> Programs,
    BusinessSize? BusinessSize = null)
{
    /// <summary>The request with the program set Perpres 109/2013 requires for the employer's size.</summary>
    public static PuRequest ForBusinessSize(ContributionMonth month, long wage, int riskGroup, BusinessSize size) =>
        new(month, wage, riskGroup, ProgramStaging.RequiredPrograms(size), size);
}

/// <summary>
/// PU contributions (DOMAIN.md §2): JKK by risk group, JKM, JHT and JP split between employer and
/// worker, JP on the wage capped at the cap in force for the month, and JKP shown as notes.
/// </summary>
public static class PuCalculator
{
    private static readonly ContributionProgram[] Allowed =
        [ContributionProgram.Jkk, ContributionProgram.Jkm, ContributionProgram.Jht, ContributionProgram.Jp];

    public static ContributionResult Calculate(PuRequest request, RateBook book)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(book);
        Validate(request);

        var rates = book.At(request.Month);
        var wage = request.Wage;
        var lines = new List<ContributionLine>();
        var programs = request.Programs;
        if (programs.Contains(ContributionProgram.Jkk))
        {
            var jkk = RateParameters.PuJkk(request.RiskGroup);
            lines.Add(ContributionLine.Billed(ContributionProgram.Jkk, Payer.Employer, rates.Percent(jkk), wage, $"JKK risk group {request.RiskGroup}"));
        }

        if (programs.Contains(ContributionProgram.Jkm))
        {
            lines.Add(ContributionLine.Billed(ContributionProgram.Jkm, Payer.Employer, rates.Percent(RateParameters.PuJkm), wage, "JKM"));
        }

        if (programs.Contains(ContributionProgram.Jht))
        {
            lines.Add(ContributionLine.Billed(ContributionProgram.Jht, Payer.Employer, rates.Percent(RateParameters.PuJhtEmployer), wage, "JHT employer share"));
            lines.Add(ContributionLine.Billed(ContributionProgram.Jht, Payer.Worker, rates.Percent(RateParameters.PuJhtWorker), wage, "JHT worker share"));
        }

        if (programs.Contains(ContributionProgram.Jp))
        {
            var cap = rates.Amount(RateParameters.PuJpWageCap);
            var jpBase = Math.Min(wage, cap);
            var label = wage > cap ? $"wage capped at {Rupiah.Format(cap)}" : "wage below the cap";
            lines.Add(ContributionLine.Billed(ContributionProgram.Jp, Payer.Employer, rates.Percent(RateParameters.PuJpEmployer), jpBase, $"JP employer share ({label})"));
            lines.Add(ContributionLine.Billed(ContributionProgram.Jp, Payer.Worker, rates.Percent(RateParameters.PuJpWorker), jpBase, $"JP worker share ({label})"));
        }

        lines.AddRange(JkpNotes(request, rates));
        return new ContributionResult(ContributionPeriod.Month, lines, rates.Used);
    }

    /// <summary>
    /// JKP costs the employer nothing extra: the government pays its share and BPJS moves part of
    /// the JKK (and, before PP 6/2025, JKM) already billed above. Shown only as notes, and only when
    /// the worker is in JKK and JKM, the minimum program set that keeps JKP eligibility
    /// (PP 6/2025 Pasal 4; age and JKN checks are outside this calculator).
    /// </summary>
    private static IEnumerable<ContributionLine> JkpNotes(PuRequest request, RatesInForce rates)
    {
        if (!request.Programs.Contains(ContributionProgram.Jkk) || !request.Programs.Contains(ContributionProgram.Jkm)
            || rates.OptionalPercent(RateParameters.PuJkpGovernment) is not { } government)
        {
            yield break;
        }

        var jkpBase = Math.Min(request.Wage, rates.Amount(RateParameters.PuJkpWageCap));
        yield return ContributionLine.Memo(ContributionProgram.Jkp, Payer.Government, government, jkpBase, "JKP paid by the central government; not billed");
        if (rates.OptionalPercent(RateParameters.PuJkpJkkRecomposition) is { } fromJkk)
        {
            yield return ContributionLine.Memo(ContributionProgram.Jkp, Payer.Employer, fromJkk, jkpBase, "JKP recomposed out of the employer's JKK above; not paid again");
        }

        if (rates.OptionalPercent(RateParameters.PuJkpJkmRecomposition) is { } fromJkm)
        {
            yield return ContributionLine.Memo(ContributionProgram.Jkp, Payer.Employer, fromJkm, jkpBase, "JKP recomposed out of the employer's JKM above; not paid again");
        }
    }

    private static void Validate(PuRequest request)
    {
        if (request.Wage <= 0)
        {
            throw ContributionErrors.MustBePositive("Wage", "Upah", request.Wage);
        }

        if (request.RiskGroup is < 1 or > 5)
        {
            throw new ContributionException("risk_group_invalid",
                $"Risk group must be 1 to 5, got {request.RiskGroup}",
                $"Kelompok risiko harus 1 sampai 5, diberikan {request.RiskGroup}");
        }

        if (request.Programs.Count == 0 || request.Programs.Any(p => !Allowed.Contains(p))
            || request.Programs.Distinct().Count() != request.Programs.Count)
        {
            throw new ContributionException("programs_invalid",
                "Programs must be a non-empty list without repeats drawn from JKK, JKM, JHT, JP",
                "Program harus berupa daftar tanpa duplikat dari JKK, JKM, JHT, JP");
        }
    }
}
