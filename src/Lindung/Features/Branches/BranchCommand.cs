using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Features.Dashboard;
using Lindung.Features.Shared;
using Lindung.Security;

namespace Lindung.Features.Branches;

/// <summary>
/// <c>lindung branch list [--date YYYY-MM-DD]</c> and <c>lindung branch load [FILE]</c> (default
/// <c>&lt;data dir&gt;/branches.json</c>). The command line acts as the installation's operator.
/// </summary>
internal static class BranchCommand
{
    public static Command Create(CliConsole console)
    {
        var date = new Option<string?>("--date") { Description = "Day of the working areas, YYYY-MM-DD (default: today)." };
        var list = new Command("list", "Branch offices with their working area on a day.") { date };
        list.SetAction(async (parse, ct) =>
        {
            var day = ParseDate(parse.GetValue(date), "--date") ?? console.Clock.Today();
            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            foreach (var branch in await new BranchCoverage(db).ListAsync(ReportScope.Everything, day, ct))
            {
                await console.Out.WriteLineAsync($"{branch.Code}\t{branch.Name}\t{branch.SeatRegionCode}\t{string.Join(',', branch.Regencies)}");
            }

            return ExitCodes.Ok;
        });

        var file = new Argument<FileInfo?>("FILE") { Description = "Branches file (default: branches.json in the data folder).", Arity = ArgumentArity.ZeroOrOne };
        var load = new Command("load", "Create or update branch offices and add working-area assignments from a JSON file.") { file };
        load.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)?.FullName ?? Path.Combine(GlobalOptions.ResolveDataDirectory(parse), BranchFile.FileName);
            if (!File.Exists(path))
            {
                throw new UsageException($"No branches file at {path}.");
            }

            var content = BranchFile.Read(path);
            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var lines = await BranchFile.LoadAsync(db, content, AccessScope.Operator, ct);
            foreach (var line in lines)
            {
                await console.Out.WriteLineAsync(line.Error is null ? $"{line.Outcome}\t{line.Item}" : $"{line.Outcome}\t{line.Item}\t{line.Error.Code}: {line.Error.Message(english: true)}");
            }

            return lines.Any(l => l.Error is not null) ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return new Command("branch", "Branch offices (kantor cabang) and their working areas.") { list, load };
    }

    /// <summary>"2026-05-31" → that day; null when absent; a usage error naming the option otherwise.</summary>
    public static DateOnly? ParseDate(string? text, string option) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new UsageException($"{option}: expected a date as YYYY-MM-DD, got '{text}'.");
}
