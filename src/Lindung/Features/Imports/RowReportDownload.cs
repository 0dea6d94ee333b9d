using Microsoft.AspNetCore.Mvc;

namespace Lindung.Features.Imports;

/// <summary>
/// A page's download of a small import's row report (contracts, group members, claims): the CSV, or
/// the sheet back with the reasons when <c>format=xlsx</c>; 404 when the report is gone.
/// </summary>
internal static class RowReportDownload
{
    /// <summary>The report file's extension for the asked format: <c>xlsx</c>, else <c>csv</c>.</summary>
    public static string Extension(string? format) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "csv";

    /// <summary>The report at <paramref name="path"/> as a download named <paramref name="stem"/> with its extension.</summary>
    public static IActionResult Result(string path, string stem)
    {
        if (!File.Exists(path))
        {
            return new NotFoundResult();
        }

        var xlsx = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        return new PhysicalFileResult(path, xlsx ? ImportsApi.XlsxContentType : "text/csv; charset=utf-8")
        {
            FileDownloadName = stem + (xlsx ? ".xlsx" : ".csv"),
        };
    }
}
