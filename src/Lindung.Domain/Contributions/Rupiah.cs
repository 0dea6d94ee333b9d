namespace Lindung.Domain.Contributions;

/// <summary>
/// The one place where money meets a rate. Every contribution line is
/// <c>amount = base × rate%</c>, rounded half-up (away from zero) to the whole rupiah, per line.
/// BPJS billing rounding is not published (DOMAIN.md §11.7, UNCONFIRMED); half-up per program is
/// the documented safe default, see docs/CONTRIBUTIONS.md.
/// </summary>
public static class Rupiah
{
    /// <summary><paramref name="amount"/> × <paramref name="ratePercent"/>% rounded half-up to the rupiah.</summary>
    /// <exception cref="OverflowException">The result does not fit a 64-bit rupiah amount.</exception>
    public static long Percent(long amount, decimal ratePercent)
    {
        // decimal keeps the rate exact (0.54% is not representable in binary floating point).
        var exact = amount * ratePercent / 100m;
        return (long)Math.Round(exact, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>Formats an amount the way Indonesian forms print it in English text: 1,234,567.</summary>
    public static string Format(long amount) =>
        amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
