using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Features.Shared;

namespace Lindung.Features.Dashboard;

/// <summary>
/// <c>lindung snapshot [--month YYYY-MM] [--replace]</c>: writes the coverage snapshot of a month
/// (default: this month, and last month if it was never closed). A closed month that already has a
/// snapshot is kept unless --replace.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create(CliConsole console)
    {
        var month = new Option<string?>("--month") { Description = "Month to snapshot, YYYY-MM (default: this month)." };
        var replace = new Option<bool>("--replace") { Description = "Rewrite a closed month that already has a snapshot." };
        var command = new Command("snapshot", "Take the monthly coverage snapshot that dashboards and reports read.") { month, replace };
        command.SetAction(async (parse, ct) =>
        {
            var today = console.Clock.Today();
            var chosen = ReportOptions.ParseMonth(parse.GetValue(month), "--month");
            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            IReadOnlyList<SnapshotTaken> taken = chosen is { } m
                ? [await TakeAsync(db, m, today, parse.GetValue(replace), ct)]
                : await CoverageSnapshots.RefreshAsync(db, console.Clock, ct);
            foreach (var t in taken)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Month:yyyy-MM} as of {t.AsOf:yyyy-MM-dd}: {t.Rows} rows {(t.Written ? "written" : "kept (already closed; --replace to rewrite)")}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Task<SnapshotTaken> TakeAsync(LindungDbContext db, DateOnly month, DateOnly today, bool replace, CancellationToken ct) =>
        month > today
            ? throw new UsageException($"--month: {month:yyyy-MM} is in the future.")
            : CoverageSnapshots.TakeAsync(db, month, today, replace, ct);
}
