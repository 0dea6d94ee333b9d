using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary>Writes a report in one of the export formats; the command and the web download share it.</summary>
internal static class ReportExport
{
    public static async Task WriteAsync(Stream output, string format, CoverageReport report, IStringLocalizer l, string table, DateOnly today, CancellationToken ct)
    {
        switch (format)
        {
            case "json":
                await ReportJson.WriteAsync(output, report, ct);
                break;
            case "csv":
                await ReportCsv.WriteAsync(output, ReportTables.Build(report, l, table), ct);
                break;
            case "pdf":
                // PDFsharp and the XLSX writer write synchronously; a buffer keeps ASP.NET Core's no-sync-IO rule.
                using (var buffer = new MemoryStream())
                {
                    ReportPdf.Write(buffer, report, l, today);
                    buffer.Position = 0;
                    await buffer.CopyToAsync(output, ct);
                }

                break;
            case "xlsx":
                using (var buffer = new MemoryStream())
                {
                    ReportXlsx.Write(buffer, report, l);
                    buffer.Position = 0;
                    await buffer.CopyToAsync(output, ct);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Formats are json, xlsx, pdf and csv.");
        }
    }
}
