using System.Globalization;
using System.Text.RegularExpressions;

namespace Lindung.Features.Spreadsheets;

/// <summary>
/// Turns the raw value of a worksheet cell into the text a person sees, the way a CSV export of
/// the same sheet would: integers without ".0", dates as yyyy-mm-dd, booleans as TRUE/FALSE.
/// </summary>
internal static partial class XlsxCellText
{
    private static readonly DateOnly Epoch1900 = new(1899, 12, 30);
    private static readonly DateOnly Epoch1904 = new(1904, 1, 1);
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789ABCDEFabcdef");

    /// <summary>
    /// A numeric cell. Excel keeps 15 significant digits, so a 16-digit NIK typed into a General
    /// cell is stored with its last digit replaced by 0 (3577011203900001 becomes
    /// 3577011203900000) and shown as 3.57701E+15. Such a value is rendered the way Excel shows
    /// it, scientific notation, so the NIK validator reports the lost digits instead of matching a
    /// wrong person. A value with more than 15 significant digits can only have been written by a
    /// program that stored the number exactly, so its digits are kept. The price: an exact NIK
    /// ending in 0 written as a number by such a program is flagged too; the fix the validator
    /// suggests (format the column as Text) is the right one either way.
    /// </summary>
    public static string Number(string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // Beyond decimal's range (1E+300): no NIK or rupiah amount; show what Excel would.
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var big)
                ? big.ToString("G15", CultureInfo.InvariantCulture)
                : raw;
        }

        if (value != decimal.Truncate(value))
        {
            // Binary noise such as 1234.5600000000001 is cut where Excel cuts it.
            return ((double)value).ToString("G15", CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1_000_000_000_000_000m && SignificantDigits(magnitude) <= 15)
        {
            return ((double)value).ToString("0.#####E+00", CultureInfo.InvariantCulture);
        }

        return value.ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>A number in a date-formatted cell as yyyy-mm-dd (the time of day is dropped); the number itself when it is no date.</summary>
    public static string Date(string raw, bool date1904)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 0 || serial > 2_958_465)
        {
            return Number(raw);
        }

        var days = (int)Math.Floor(serial);
        DateOnly date;
        if (date1904)
        {
            date = Epoch1904.AddDays(days);
        }
        else if (days >= 61)
        {
            date = Epoch1900.AddDays(days);
        }
        else if (days is >= 1 and < 60)
        {
            // Before Excel's phantom 29 February 1900 the serials are off by one.
            date = Epoch1900.AddDays(days + 1);
        }
        else
        {
            return Number(raw);
        }

        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>A cell of type "d" holds an ISO 8601 date or date-time.</summary>
    public static string IsoDate(string raw) =>
        DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : raw;

    public static string Boolean(string raw) => raw.Trim() is "1" or "true" ? "TRUE" : "FALSE";

    /// <summary>Excel writes control characters as _xHHHH_ (a carriage return is _x000D_); this undoes it.</summary>
    public static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? Escaped().Replace(text, m => ((char)int.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    /// <summary>
    /// The reverse of <see cref="Unescape"/>: control characters XML cannot hold become _xHHHH_,
    /// and text that already looks like an escape gets its underscore escaped, as Excel does.
    /// </summary>
    public static string Escape(string text)
    {
        var needs = false;
        foreach (var c in text)
        {
            if (NeedsEscape(c) || c == '_')
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && LooksEscaped(text, i))
            {
                result.Append("_x005F");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
                continue;
            }
            else if (NeedsEscape(c))
            {
                result.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static bool LooksEscaped(string text, int at) =>
        at + 6 < text.Length && text[at + 1] == 'x' && text[at + 6] == '_' && text.AsSpan(at + 2, 4).IndexOfAnyExcept(HexDigits) < 0;

    private static bool NeedsEscape(char c) => (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);

    private static int SignificantDigits(decimal integer)
    {
        while (integer != 0 && integer % 10 == 0)
        {
            integer /= 10;
        }

        return integer.ToString(CultureInfo.InvariantCulture).Length;
    }

    [GeneratedRegex("_x(?<hex>[0-9A-Fa-f]{4})_", RegexOptions.CultureInvariant)]
    private static partial Regex Escaped();
}
