using System.Globalization;
using System.Text;
using Lindung.Features.Spreadsheets;

namespace Lindung.Features.Dashboard;

/// <summary>
/// One report table as CSV for spreadsheets and scripts: localized headers, plain numbers (shares
/// as fractions with a dot; a negative count stays a number), text through <see cref="CsvCell"/>,
/// the totals row last. With a BOM, so Excel reads UTF-8 names right.
/// </summary>
internal static class ReportCsv
{
    public static async Task WriteAsync(Stream output, ReportTable table, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteAsync(string.Join(',', table.Columns.Select(c => CsvCell.Text(c.Header))).AsMemory(), ct);
        await writer.WriteAsync("\n");
        foreach (var row in table.Totals is null ? table.Rows : [.. table.Rows, table.Totals])
        {
            await writer.WriteAsync(string.Join(',', row.Select(Cell)).AsMemory(), ct);
            await writer.WriteAsync("\n");
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double share => share.ToString("0.######", CultureInfo.InvariantCulture),
        long count => count.ToString(CultureInfo.InvariantCulture),
        _ => CsvCell.Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };
}
