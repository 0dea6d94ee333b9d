using System.Globalization;

namespace Lindung.Domain.Contributions;

/// <summary>Jakon contract-value method: one payment for the whole project.</summary>
/// <param name="Month">The iuran month whose rates apply.</param>
/// <param name="ContractValue">Contract value excluding PPN, in rupiah.</param>
public sealed record JakonContractRequest(ContributionMonth Month, long ContractValue);

/// <summary>Jakon wage method: paid per month of the project.</summary>
/// <param name="Month">The iuran month whose rates apply.</param>
/// <param name="MonthlyWage">Monthly wage per project worker, in rupiah.</param>
/// <param name="Workers">Number of project workers.</param>
/// <param name="Months">Project duration in months.</param>
public sealed record JakonWageRequest(ContributionMonth Month, long MonthlyWage, int Workers, int Months);

/// <summary>
/// Jasa Konstruksi contributions (DOMAIN.md §4). JKK and JKM only, borne by the contractor
/// (employer); the project scheme has no JHT or JP.
/// </summary>
public static class JakonCalculator
{
    /// <summary>Marginal layers: each tier's rate applies only to the part of the value inside it; one line per program and tier.</summary>
    public static ContributionResult Calculate(JakonContractRequest request, RateBook book)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(book);
        if (request.ContractValue <= 0)
        {
            throw ContributionErrors.MustBePositive("Contract value", "Nilai kontrak", request.ContractValue);
        }

        var rates = book.At(request.Month);
        var lines = new List<ContributionLine>();
        lines.AddRange(TierLines(ContributionProgram.Jkk, rates.Tiers(RateParameters.JakonContractJkk), request.ContractValue));
        lines.AddRange(TierLines(ContributionProgram.Jkm, rates.Tiers(RateParameters.JakonContractJkm), request.ContractValue));
        return new ContributionResult(ContributionPeriod.Project, lines, rates.Used);
    }

    /// <summary>
    /// Lines are per month on the monthly wage bill (wage × workers); the result carries the
    /// project months so the whole-project total is the monthly total × months.
    /// </summary>
    public static ContributionResult Calculate(JakonWageRequest request, RateBook book)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(book);
        if (request.MonthlyWage <= 0) throw ContributionErrors.MustBePositive("Wage", "Upah", request.MonthlyWage);
        if (request.Workers <= 0) throw ContributionErrors.MustBePositive("Workers", "Jumlah pekerja", request.Workers);
        if (request.Months <= 0) throw ContributionErrors.MustBePositive("Months", "Jumlah bulan", request.Months);

        var rates = book.At(request.Month);
        long wageBill;
        try
        {
            wageBill = checked(request.MonthlyWage * request.Workers);
        }
        catch (OverflowException)
        {
            throw ContributionErrors.TooLarge("Wage × workers", "Upah × jumlah pekerja");
        }

        var label = $"per month on {Rupiah.Format(request.MonthlyWage)} × {request.Workers.ToString(CultureInfo.InvariantCulture)} workers";
        var lines = new List<ContributionLine>
        {
            ContributionLine.Billed(ContributionProgram.Jkk, Payer.Employer, rates.Percent(RateParameters.JakonWageJkk), wageBill, "JKK " + label),
            ContributionLine.Billed(ContributionProgram.Jkm, Payer.Employer, rates.Percent(RateParameters.JakonWageJkm), wageBill, "JKM " + label),
        };
        return new ContributionResult(ContributionPeriod.Month, lines, rates.Used) { ProjectMonths = request.Months };
    }

    private static IEnumerable<ContributionLine> TierLines(ContributionProgram program, IReadOnlyList<RateTier> tiers, long value)
    {
        long lower = 0;
        for (var i = 0; i < tiers.Count && value > lower; i++)
        {
            var upper = tiers[i].UpTo is { } upTo ? Math.Min(value, upTo) : value;
            var label = $"{program.ToString().ToUpperInvariant()} tier {(i + 1).ToString(CultureInfo.InvariantCulture)}: {Rupiah.Format(lower)} – {(tiers[i].UpTo is { } u ? Rupiah.Format(u) : "no limit")}";
            yield return ContributionLine.Billed(program, Payer.Employer, tiers[i].Rate, upper - lower, label);
            lower = upper;
        }
    }
}
