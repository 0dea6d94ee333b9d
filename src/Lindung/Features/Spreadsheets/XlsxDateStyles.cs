using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lindung.Features.Spreadsheets;

/// <summary>
/// Which cell styles of a workbook show numbers as dates. Excel stores a date as a day count and
/// only the style says it is one: built-in formats 14–22 or a custom format built from d, m and y.
/// </summary>
internal sealed class XlsxDateStyles
{
    private readonly bool[] _isDate;

    private XlsxDateStyles(bool[] isDate) => _isDate = isDate;

    public static XlsxDateStyles Load(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return new XlsxDateStyles([]);
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.HasValue == true)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty)
            ?? [];
        var formats = stylesheet.CellFormats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value ?? 0)
            .Select(id => custom.TryGetValue(id, out var code) ? IsDateFormat(code) : id is >= 14 and <= 22)
            .ToArray();
        return new XlsxDateStyles(formats);
    }

    public bool IsDate(int styleIndex) => styleIndex >= 0 && styleIndex < _isDate.Length && _isDate[styleIndex];

    /// <summary>
    /// A custom number format shows a date when, outside quoted text, escaped characters and
    /// bracketed parts ([Red], [$-421]), it uses d or y, or m without h or s (m next to h or s
    /// means minutes).
    /// </summary>
    public static bool IsDateFormat(string code)
    {
        // Only the first section (positive numbers) decides.
        var letters = new System.Text.StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == ';')
            {
                break;
            }

            switch (c)
            {
                case '"':
                    i = code.IndexOf('"', i + 1) is var close and >= 0 ? close : code.Length;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    i = code.IndexOf(']', i + 1) is var end and >= 0 ? end : code.Length;
                    break;
                default:
                    letters.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        var text = letters.ToString().Replace("general", string.Empty, StringComparison.Ordinal);
        if (text.Contains('d', StringComparison.Ordinal) || text.Contains('y', StringComparison.Ordinal))
        {
            return true;
        }

        return text.Contains('m', StringComparison.Ordinal) && !text.Contains('h', StringComparison.Ordinal) && !text.Contains('s', StringComparison.Ordinal);
    }
}
