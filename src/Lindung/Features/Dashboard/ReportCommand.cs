using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Lindung.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Dashboard;

/// <summary>
/// <c>lindung report coverage --format json|xlsx|pdf|csv --out FILE [--region CODE] [--agency CODE] [--month YYYY-MM]</c>:
/// the leader's coverage report for an area, an agency or the whole installation, from the monthly snapshots.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "json, xlsx, pdf or csv.", Required = true };
        format.AcceptOnlyFromAmong(ReportOptions.FormatNames);
        var output = new Option<FileInfo>("--out") { Description = "File to write.", Required = true };
        var region = new Option<string?>("--region") { Description = "Area code (35, 35.77, 35.77.01 …); default: the area holding every agency." };
        var agency = new Option<string?>("--agency") { Description = "Agency code: report on that agency only." };
        var month = new Option<string?>("--month") { Description = "Month, YYYY-MM (default: this month)." };
        var table = new Option<string>("--table") { Description = "For csv: agencies, regions, segments, employers or trend.", DefaultValueFactory = _ => "agencies" };
        table.AcceptOnlyFromAmong(ReportTables.Keys);
        var language = new Option<string>("--lang") { Description = "id (default) or en.", DefaultValueFactory = _ => "id" };
        language.AcceptOnlyFromAmong("id", "en");

        var coverage = new Command("coverage", "Coverage by agency, area and segment, with targets, classes and trend.")
        {
            format, output, region, agency, month, table, language,
        };
        coverage.SetAction(async (parse, ct) =>
        {
            var chosenMonth = ReportOptions.ParseMonth(parse.GetValue(month), "--month");
            var culture = CultureInfo.GetCultureInfo(parse.GetValue(language) == "en" ? Languages.English : Languages.Indonesian);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var today = console.Clock.Today();

            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var agencyId = await AgencyIdAsync(db, parse.GetValue(agency), parse.GetValue(region), ct);
            CoverageReport report;
            try
            {
                report = await CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(parse.GetValue(region), agencyId, chosenMonth), today, ct);
            }
            catch (ReportNotFoundException ex)
            {
                throw new UsageException(ex.Message);
            }

            var file = parse.GetValue(output)!;
            await using (var stream = PrivateFiles.Create(file.FullName))
            {
                await ReportExport.WriteAsync(stream, parse.GetValue(format)!, report, new UiText(), parse.GetValue(table)!, today, ct);
            }

            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{report.RegionName} {report.Month:yyyy-MM} ({(report.Live ? "live" : "snapshot")}): {report.Covered}/{report.Eligible} covered, {report.TotalActive} active participants -> {file.FullName}"));
            return ExitCodes.Ok;
        });
        return new Command("report", "Reports for leaders.") { coverage };
    }

    private static async Task<Guid?> AgencyIdAsync(LindungDbContext db, string? code, string? region, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var matches = await db.Agencies.AsNoTracking().Where(a => a.Code == code.Trim()).Select(a => new { a.Id, a.RegionCode }).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(region))
        {
            matches = [.. matches.Where(m => m.RegionCode.StartsWith(region.Trim(), StringComparison.Ordinal))];
        }

        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new UsageException($"--agency: no agency with code '{code}'."),
            _ => throw new UsageException($"--agency: code '{code}' is used in {matches.Count} regions; add --region."),
        };
    }
}
