using System.Buffers;
using System.Text;

namespace Lindung.Features.Spreadsheets;

/// <summary>
/// The one rule for the text cells of every CSV the app writes (coverage report, gap lists, import
/// row reports, reconciliation results): RFC 4180 quoting, and a cell that starts with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets a leading <c>'</c> so a spreadsheet
/// shows it as text instead of running it as a formula (OWASP "CSV injection": a roster name such
/// as <c>=HYPERLINK(…)</c> would otherwise run on the reader's machine).
/// <para>
/// Only text goes through here: names, NIKs and KPJs as written in the file, agency names, codes,
/// messages, headers. Numbers the app computes itself (row numbers, counts, rupiah amounts, shares,
/// scores) are written as numbers and stay numbers, a negative count included, so a spreadsheet can
/// still sum them; they never hold text a user typed.
/// </para>
/// </summary>
internal static class CsvCell
{
    /// <summary>Characters that make a cell need quotes.</summary>
    private const string Specials = ",\"\r\n";

    private static readonly SearchValues<char> SpecialChars = SearchValues.Create(Specials);

    /// <summary>The same characters as UTF-8 bytes, for writers that write bytes (all are ASCII).</summary>
    public static readonly SearchValues<byte> SpecialBytes = SearchValues.Create(Encoding.ASCII.GetBytes(Specials));

    /// <summary>
    /// Whether a text cell starting with <paramref name="first"/> is neutralised. All such characters
    /// are ASCII, so a byte writer may pass the cell's first UTF-8 byte.
    /// </summary>
    public static bool StartsLikeFormula(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A text cell as written: neutralised when it starts like a formula, then quoted when it needs quotes.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var neutral = value.Length > 0 && StartsLikeFormula(value[0]) ? "'" + value : value;
        return neutral.AsSpan().IndexOfAny(SpecialChars) < 0 ? neutral : $"\"{neutral.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary><see cref="Text"/> straight into a writer, without a string for the common cell that needs nothing.</summary>
    public static void Write(TextWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny(SpecialChars) < 0 && (value.Length == 0 || !StartsLikeFormula(value[0])))
        {
            writer.Write(value);
            return;
        }

        writer.Write(Text(value));
    }
}
