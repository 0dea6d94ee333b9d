using System.Globalization;
using Lindung.Cli;

namespace Lindung.Features.Dashboard;

/// <summary>Parsing shared by the report command and the report endpoint.</summary>
internal static class ReportOptions
{
    public static readonly string[] FormatNames = ["json", "xlsx", "pdf", "csv"];

    /// <summary>"2026-03" → 1 March 2026; null when absent; a usage error naming the option otherwise.</summary>
    public static DateOnly? ParseMonth(string? text, string option) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month
        : throw new UsageException($"{option}: expected a month as YYYY-MM, got '{text}'.");

    public static string ContentType(string format) => format switch
    {
        "json" => "application/json",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
}
