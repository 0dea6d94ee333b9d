using System.Text.Json.Serialization;

namespace Lindung.Domain.Contributions;

/// <summary>Sector groups of PP 50/2025, which have different discount periods.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BpuSector>))]
public enum BpuSector
{
    /// <summary>Ojol, ojek pangkalan, drivers, couriers (platform or not).</summary>
    [JsonStringEnumMemberName("transport")] Transport,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>A Bukan Penerima Upah (self-employed) contribution question for one participant and month.</summary>
/// <param name="Month">The iuran month whose rates apply.</param>
/// <param name="DeclaredIncome">Declared monthly income in rupiah (at least the minimum in force).</param>
/// <param name="IncludeJht">Add the optional JHT (never discounted).</param>
/// <param name="Sector">Decides which PP 50/2025 discount period applies.</param>
/// <param name="PaidByBudget">JKK+JKM paid from APBN/APBD (e.g. Pemda-sponsored pekerja rentan): no PP 50/2025 discount.</param>
public sealed record BpuRequest(
    ContributionMonth Month,
    long DeclaredIncome,
    bool IncludeJht = false,
    BpuSector Sector = BpuSector.Other,
    bool PaidByBudget = false);

/// <summary>
/// BPU contributions (DOMAIN.md §3): JKK a percentage of declared income, JKM a flat amount, JHT
/// optional; the participant pays everything. PP 50/2025 discounts JKK and JKM, never JHT.
/// </summary>
public static class BpuCalculator
{
    public static ContributionResult Calculate(BpuRequest request, RateBook book)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(book);
        var rates = book.At(request.Month);
        var minimum = rates.Amount(RateParameters.BpuMinimumIncome);
        if (request.DeclaredIncome < minimum)
        {
            throw new ContributionException("income_below_minimum",
                $"Declared income {Rupiah.Format(request.DeclaredIncome)} is below the BPU minimum of {Rupiah.Format(minimum)}",
                $"Penghasilan {Rupiah.Format(request.DeclaredIncome)} di bawah penghasilan minimum BPU {Rupiah.Format(minimum)}");
        }

        var discount = request.PaidByBudget ? null : rates.OptionalPercent(DiscountFor(request.Sector));
        var suffix = discount is { } d ? $" (PP 50/2025 discount {d}%)" : "";

        // The flat JKM is a line with the flat amount as base and 100% as rate, so the discount
        // goes through the same single rounding as the percentage lines.
        var lines = new List<ContributionLine>
        {
            ContributionLine.Billed(ContributionProgram.Jkk, Payer.Worker, Discounted(rates.Percent(RateParameters.BpuJkk), discount), request.DeclaredIncome, "JKK" + suffix),
            ContributionLine.Billed(ContributionProgram.Jkm, Payer.Worker, Discounted(100m, discount), rates.Amount(RateParameters.BpuJkm), "JKM flat amount" + suffix),
        };
        if (request.IncludeJht)
        {
            lines.Add(ContributionLine.Billed(ContributionProgram.Jht, Payer.Worker, rates.Percent(RateParameters.BpuJht), request.DeclaredIncome, "JHT (not discounted)"));
        }

        return new ContributionResult(ContributionPeriod.Month, lines, rates.Used);
    }

    /// <summary>
    /// The discount rule: the rate is reduced (rate × (100 − discount)%) and the line is then rounded
    /// once, i.e. base × (rate × 50%), not a rounded amount halved again.
    /// </summary>
    public static decimal Discounted(decimal ratePercent, decimal? discountPercent) =>
        discountPercent is { } discount ? ratePercent * (100m - discount) / 100m : ratePercent;

    private static RateParameter DiscountFor(BpuSector sector) => sector switch
    {
        BpuSector.Transport => RateParameters.BpuDiscountTransport,
        BpuSector.Other => RateParameters.BpuDiscountOther,
        _ => throw new ArgumentOutOfRangeException(nameof(sector), sector, "Unknown BPU sector."),
    };
}
