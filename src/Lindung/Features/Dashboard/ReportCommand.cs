using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Features.Agencies;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Lindung.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Dashboard;

/// <summary>
/// <c>lindung report coverage --format json|xlsx|pdf|csv --out FILE [--region CODE] [--agency CODE] [--month YYYY-MM]</c>:
/// the leader's coverage report for an area, an agency or the whole installation, from the monthly snapshots.
/// With <c>--branch CODE [--date YYYY-MM-DD]</c>: the branch's figures on that day (a table, or JSON with
/// <c>--format json</c>, to <c>--out</c> or the terminal).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string?>("--format") { Description = "json, xlsx, pdf or csv (required without --branch; with it, json or a table)." };
        format.AcceptOnlyFromAmong(ReportOptions.FormatNames);
        var output = new Option<FileInfo?>("--out") { Description = "File to write (required without --branch)." };
        var branch = new Option<string?>("--branch") { Description = "Branch office code: its working area's active participants per segment and PU employers, per regency." };
        var date = new Option<string?>("--date") { Description = "With --branch: the day, YYYY-MM-DD (default: today)." };
        var region = new Option<string?>("--region") { Description = "Area code (35, 35.77, 35.77.01 …); default: the area holding every agency." };
        var agency = new Option<string?>("--agency") { Description = "Agency code: report on that agency only." };
        var month = new Option<string?>("--month") { Description = "Month, YYYY-MM (default: this month)." };
        var table = new Option<string>("--table") { Description = "For csv: agencies, regions, segments, employers or trend.", DefaultValueFactory = _ => "agencies" };
        table.AcceptOnlyFromAmong(ReportTables.Keys);
        var language = new Option<string>("--lang") { Description = "id (default) or en.", DefaultValueFactory = _ => "id" };
        language.AcceptOnlyFromAmong("id", "en");

        var coverage = new Command("coverage", "Coverage by agency, area and segment, with targets, classes and trend.")
        {
            format, output, region, agency, month, table, language, branch, date,
        };
        coverage.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(branch) is { } branchCode)
            {
                return await BranchReportAsync(console, parse, branchCode, parse.GetValue(date), parse.GetValue(format), parse.GetValue(output), ct);
            }

            if (parse.GetValue(date) is not null)
            {
                throw new UsageException("--date goes with --branch; the coverage report takes --month.");
            }

            if (parse.GetValue(format) is null || parse.GetValue(output) is null)
            {
                throw new UsageException("report coverage: --format and --out are required (unless --branch).");
            }

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

    private static async Task<int> BranchReportAsync(CliConsole console, ParseResult parse, string code, string? dateText, string? format, FileInfo? output, CancellationToken ct)
    {
        if (format is not (null or "json"))
        {
            throw new UsageException("--branch: the branch report is a table, or json with --format json.");
        }

        var today = console.Clock.Today();
        var day = Branches.BranchCommand.ParseDate(dateText, "--date") ?? today;
        await using var services = await CliServices.StartAsync(parse, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var result = await new Branches.BranchCoverage(db).CoverageAsync(code, day, today, ReportScope.Everything, ct);
        if (!result.Succeeded)
        {
            throw new UsageException($"--branch: {result.Errors[0].Message(english: true)}");
        }

        var text = format is null
            ? Branches.BranchText.Table(result.Value)
            : System.Text.Json.JsonSerializer.Serialize(Branches.BranchCoverageDto.Of(result.Value), CliJson.SerializerOptions) + Environment.NewLine;
        if (output is null)
        {
            await console.Out.WriteAsync(text);
        }
        else
        {
            await using var stream = PrivateFiles.Create(output.FullName);
            await using var writer = new StreamWriter(stream);
            await writer.WriteAsync(text);
        }

        return ExitCodes.Ok;
    }

    private static async Task<Guid?> AgencyIdAsync(LindungDbContext db, string? code, string? region, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var match = await AgencyLookup.ByCodeAsync(db.Agencies.AsNoTracking(), code, region, ct);
        return match.Agency?.Id ?? throw new UsageException(match.Ambiguous
            ? $"--agency: code '{code}' is used in several regions; add --region."
            : $"--agency: no agency with code '{code}'.");
    }
}
