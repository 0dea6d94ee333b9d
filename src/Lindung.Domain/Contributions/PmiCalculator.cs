using System.Globalization;

namespace Lindung.Domain.Contributions;

/// <summary>A Pekerja Migran Indonesia contribution question for one placement contract.</summary>
/// <param name="Month">Month the contribution is paid (selects the regulation in force).</param>
/// <param name="ContractMonths">Length of the employment agreement in months.</param>
/// <param name="JhtAmount">Optional JHT per month, one of the allowed amounts; null = no JHT.</param>
/// <param name="ViaPlacementAgency">CPMI placed through a Pelaksana Penempatan pays the pre-placement fee; PMI perseorangan does not.</param>
public sealed record PmiRequest(ContributionMonth Month, int ContractMonths, long? JhtAmount = null, bool ViaPlacementAgency = false);

/// <summary>
/// PMI contributions (Permenaker 4/2023 Pasal 18, DOMAIN.md §5), paid by the migrant worker.
/// Package mapping: the largest package not longer than the contract, plus the per-month fee for
/// each month beyond it; a contract shorter than the smallest package pays the smallest package.
/// So 30 months = 24-month package + 6 extra months (Worked example D).
/// </summary>
public static class PmiCalculator
{
    public static ContributionResult Calculate(PmiRequest request, RateBook book)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(book);
        if (request.ContractMonths < 1)
        {
            throw ContributionErrors.MustBePositive("Contract months", "Jangka waktu perjanjian kerja (bulan)", request.ContractMonths);
        }

        var rates = book.At(request.Month);
        var lines = new List<ContributionLine>();
        if (request.ViaPlacementAgency)
        {
            lines.Add(Flat(ContributionProgram.JkkJkm, rates.Amount(RateParameters.PmiPrePlacement), "JKK+JKM before work (pre-placement, via placement agency)"));
        }

        var package = PackageFor(rates.Packages(RateParameters.PmiPackages), request.ContractMonths);
        lines.Add(Flat(ContributionProgram.JkkJkm, package.Amount,
            $"JKK+JKM during and after work, {Months(package.Months)} package"));
        var extraMonths = request.ContractMonths - package.Months;
        if (extraMonths > 0)
        {
            var perMonth = rates.Amount(RateParameters.PmiExtraMonth);
            lines.Add(Flat(ContributionProgram.JkkJkm, perMonth * extraMonths,
                $"JKK+JKM for {Months(extraMonths)} beyond the package at {Rupiah.Format(perMonth)} per month"));
        }

        if (request.JhtAmount is { } jht)
        {
            var allowed = rates.Values(RateParameters.PmiJhtAmounts);
            if (!allowed.Contains(jht))
            {
                var list = string.Join(", ", allowed.Select(Rupiah.Format));
                throw new ContributionException("jht_amount_invalid",
                    $"JHT amount {Rupiah.Format(jht)} is not one of the allowed amounts: {list}",
                    $"Iuran JHT {Rupiah.Format(jht)} tidak termasuk pilihan yang diizinkan: {list}");
            }

            lines.Add(Flat(ContributionProgram.Jht, jht * request.ContractMonths,
                $"JHT {Rupiah.Format(jht)} per month × {Months(request.ContractMonths)}"));
        }

        return new ContributionResult(ContributionPeriod.Contract, lines, rates.Used);
    }

    /// <summary>The largest package not longer than the contract, or the smallest one for shorter contracts.</summary>
    public static RatePackage PackageFor(IReadOnlyList<RatePackage> packages, int contractMonths)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var ordered = packages.OrderBy(p => p.Months).ToList();
        return ordered.LastOrDefault(p => p.Months <= contractMonths) ?? ordered[0];
    }

    private static ContributionLine Flat(ContributionProgram program, long amount, string label) =>
        ContributionLine.Billed(program, Payer.Worker, 100m, amount, label);

    private static string Months(int months) =>
        months.ToString(CultureInfo.InvariantCulture) + (months == 1 ? " month" : " months");
}
