namespace Lindung.Domain.Contributions;

/// <summary>
/// One program × payer line. <see cref="Amount"/> is always <c>Rupiah.Percent(Base, Rate)</c>:
/// flat amounts (BPU JKM, PMI packages) appear with the flat amount as base and rate 100 (or the
/// share left after a discount), so every line can be re-checked the same way.
/// </summary>
/// <param name="Program">The program the money goes to.</param>
/// <param name="Payer">Who bears the line.</param>
/// <param name="Rate">Percent of <paramref name="Base"/>, e.g. 0.54 for 0.54%.</param>
/// <param name="Base">The rupiah amount the rate applies to (capped wage, tier slice, flat amount).</param>
/// <param name="Amount">Base × rate rounded half-up to the rupiah.</param>
/// <param name="Label">Human-readable explanation of the line.</param>
/// <param name="Note">
/// True for accounting notes (JKP government share, JKK recomposition) that explain where money
/// goes but are not billed; notes never count in the totals.
/// </param>
public sealed record ContributionLine(
    ContributionProgram Program,
    Payer Payer,
    decimal Rate,
    long Base,
    long Amount,
    string Label,
    bool Note = false)
{
    /// <summary>Builds a billed line, applying the one rounding rule.</summary>
    public static ContributionLine Billed(ContributionProgram program, Payer payer, decimal rate, long @base, string label) =>
        new(program, payer, rate, @base, Rupiah.Percent(@base, rate), label);

    /// <summary>Builds a note line (not billed, not in totals).</summary>
    public static ContributionLine Memo(ContributionProgram program, Payer payer, decimal rate, long @base, string label) =>
        new(program, payer, rate, @base, Rupiah.Percent(@base, rate), label, Note: true);
}
