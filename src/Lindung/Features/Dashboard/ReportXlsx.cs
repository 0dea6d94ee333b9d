using Lindung.Features.Shared;
using Lindung.Features.Spreadsheets;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary>
/// The report as a workbook: one sheet per table, each with a title row naming the area, month and
/// date of the figures, formatted numbers and percentages, and a totals row (SUM formulas with cached values).
/// </summary>
internal static class ReportXlsx
{
    public static void Write(Stream output, CoverageReport report, IStringLocalizer l)
    {
        using var book = XlsxWriter.Create(output, leaveOpen: true);
        var subtitle = $"{report.Agency?.Name ?? report.RegionName} · {Formats.MonthLong(report.Month)} · {l["dash.as-of", Formats.DateLong(report.AsOf)]}";
        foreach (var table in ReportTables.All(report, l))
        {
            var columns = table.Columns.Select((c, i) => new XlsxColumn(c.Header, Kind(c.Kind), Width(table, i))
            {
                // A rank, or the months of a trend, do not add up.
                Sum = c.Kind == CellKind.Count && !(table.Key == "agencies" && i == 0) && table.Totals is not null,
            }).ToList();
            var sheet = book.AddSheet(l["dash.sheet." + table.Key], columns, title: $"{l["dash.report.title"]} — {table.Title}", subtitle: subtitle);
            foreach (var row in table.Rows)
            {
                sheet.WriteRow(row);
            }

            if (table.Totals is not null)
            {
                sheet.WriteTotals(l["dash.total"]);
            }
        }
    }

    private static XlsxColumnKind Kind(CellKind kind) => kind switch
    {
        CellKind.Count => XlsxColumnKind.Integer,
        CellKind.Share => XlsxColumnKind.Percent,
        _ => XlsxColumnKind.Text,
    };

    private static double Width(ReportTable table, int column) =>
        table.Columns[column].Kind == CellKind.Text && table.Rows.Count > 0
            ? Math.Clamp(table.Rows.Max(r => r[column]?.ToString()?.Length ?? 0) + 2, 8, 60)
            : 0;
}
