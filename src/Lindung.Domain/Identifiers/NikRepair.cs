using System.Text.RegularExpressions;

namespace Lindung.Domain.Identifiers;

/// <summary>
/// Undoes what spreadsheets do to a NIK when no information is lost: a leading apostrophe (Excel's
/// "text" marker), spaces, dots and dashes used as separators, and a trailing ".0" from a number
/// format, and scientific notation that still holds every digit (a mantissa with as many decimals as
/// its exponent). Scientific notation that lost digits cannot be undone: they are gone.
/// </summary>
internal static partial class NikRepair
{
    public enum Outcome
    {
        Repaired,
        Empty,
        ScientificNotation,
    }

    public static Outcome Clean(string? input, out string cleaned)
    {
        // Nearly every NIK in an export is plain digits: nothing to repair, no pattern to run.
        if (input is { Length: > 0 } && !input.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            cleaned = input;
            return Outcome.Repaired;
        }

        var text = (input ?? string.Empty).Trim().TrimStart('\'', '\u2018', '\u2019', '`').Trim();
        cleaned = text;
        if (text.Length == 0)
        {
            return Outcome.Empty;
        }

        var scientific = ScientificNotation().Match(text);
        if (scientific.Success)
        {
            // Only a mantissa carrying exactly as many fraction digits as the exponent loses nothing
            // (6.402106807075604E+15 is 6402106807075604); 3.57701E+15 has lost ten digits for good.
            var fraction = scientific.Groups["fraction"].Value;
            if (!int.TryParse(scientific.Groups["exponent"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exponent) || fraction.Length != exponent)
            {
                return Outcome.ScientificNotation;
            }

            cleaned = scientific.Groups["lead"].Value + fraction;
            return Outcome.Repaired;
        }

        var numberFormatted = TrailingZeroFraction().Match(text);
        if (numberFormatted.Success)
        {
            text = numberFormatted.Groups["integer"].Value;
        }

        cleaned = Separators().Replace(text, string.Empty);
        return Outcome.Repaired;
    }

    [GeneratedRegex(@"^(?<lead>[0-9])(?:[.,](?<fraction>[0-9]+))?[eE]\+?(?<exponent>[0-9]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex ScientificNotation();

    // Only a plain run of digits may carry the ".0": "3577.0112.0390.0001" keeps its dots as separators.
    [GeneratedRegex(@"^(?<integer>[0-9]+)[.,]0+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingZeroFraction();

    [GeneratedRegex(@"[\s.\-\u00A0]", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
