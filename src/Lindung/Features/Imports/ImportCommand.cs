using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Dashboard;

namespace Lindung.Features.Imports;

/// <summary>
/// <c>lindung import roster FILE --agency CODE [--mode update|replace]</c> and <c>lindung import
/// members FILE</c>: validate every row, write the row report, merge in one transaction and print
/// the plan (new, changed, unchanged, ended); <c>--yes</c> commits it (all-or-nothing unless
/// --valid-only), and a replace over the limit also needs <c>--force</c>. Exit 0 when committed,
/// 1 when rows were refused, 2 for a usage error (missing column, unknown agency), 3 when the plan
/// was printed and nothing committed, 130 when cancelled.
/// </summary>
internal static class ImportCommand
{
    private const int IssuesShown = 10;

    public static Command Create(CliConsole console) =>
        new("import", "Import an agency roster or a BPJS Ketenagakerjaan membership extract into the registry.")
        {
            Verb(console, ImportKind.Roster, "roster", "Import an agency's roster of non-ASN staff (nik, nama, tanggal_lahir, jenis_kelamin, kode_wilayah, instansi, kategori, upah)."),
            Verb(console, ImportKind.Members, "members", "Import a membership extract (kpj, nik, nama, tanggal_lahir, jenis_kelamin, segmen, npp, status, program, upah_dilaporkan)."),
            UndoImportCommand.Create(console),
        };

    private static Command Verb(CliConsole console, ImportKind kind, string name, string description)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV file to import." };
        var agency = new Option<string?>("--agency") { Description = "Agency code the roster belongs to (its units are covered too).", Required = kind == ImportKind.Roster };
        var validOnly = new Option<bool>("--valid-only") { Description = "Commit the valid rows and report the rest (default: commit nothing when any row is invalid)." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet to read from a workbook." };
        var report = new Option<FileInfo?>("--report") { Description = "Where to write the row report CSV (default: <data>/imports/<batch>/report.csv)." };
        var effective = new Option<string?>("--effective") { Description = "Day the file takes effect, yyyy-mm-dd (default: today)." };
        var columns = new Option<string[]>("--column")
        {
            Description = "Read a column from a header the aliases do not know: canonical=Header (repeatable).",
            AllowMultipleArgumentsPerToken = true,
        };
        var yes = new Option<bool>("--yes") { Description = "Commit the plan (without it the plan is printed and nothing is committed)." };
        var force = new Option<bool>("--force") { Description = "Commit even a replace that ends more than the limit's share of the agency's active workers." };
        var mode = new Option<string>("--mode")
        {
            Description = "update (default): add and update, never end anyone; replace: the file is the agency's whole staff, workers missing from it are ended.",
            DefaultValueFactory = _ => "update",
        };
        mode.AcceptOnlyFromAmong("update", "replace");
        var command = new Command(name, description) { file, validOnly, sheet, report, effective, columns, yes, force };
        if (kind == ImportKind.Roster)
        {
            command.Options.Add(agency);
            command.Options.Add(mode);
        }

        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"File not found: {path.FullName}");
            }

            var request = new ImportRequest(
                kind,
                path.FullName,
                path.Name,
                kind == ImportKind.Roster ? parse.GetValue(agency) : null,
                parse.GetValue(sheet),
                parse.GetValue(validOnly) ? CommitMode.ValidRowsOnly : CommitMode.AllOrNothing,
                Overrides(parse.GetValue(columns) ?? []),
                Effective(parse.GetValue(effective)),
                parse.GetValue(report)?.FullName,
                kind == ImportKind.Roster && parse.GetValue(mode) == "replace" ? RosterMode.Replace : RosterMode.Update,
                !parse.GetValue(yes) ? ImportConfirmation.PlanOnly : parse.GetValue(force) ? ImportConfirmation.Forced() : ImportConfirmation.CommitAny,
                // Whoever runs the CLI on the server operates the installation: no scope restricts what the file may update.
                Uploader: null);

            // Ctrl+C cancels the import (which rolls back) instead of killing the process mid-report.
            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                interrupted.Cancel();
            });
            ct = interrupted.Token;
            await using var services = await CliServices.StartAsync(parse, ct, console.Configuration);
            await using var scope = services.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<IImportRunner>();
            ImportOutcome outcome;
            try
            {
                outcome = await runner.RunAsync(request, new ImportProgressBar(console.Error, console.Clock), ct);
            }
            catch (ImportRefusedException ex)
            {
                throw new UsageException(ex.Message);
            }
            catch (TableFileException ex)
            {
                // A file that cannot be read (damaged, over a limit, not UTF-8): its code and one line, no stack trace.
                throw new UsageException($"{ex.Error.Code}: {ex.Message}");
            }
            catch (OperationCanceledException)
            {
                await console.Error.WriteLineAsync("\nCancelled: nothing was committed.");
                return ExitCodes.Cancelled;
            }

            await WriteSummaryAsync(console.Out, outcome);
            if (outcome.Committed)
            {
                // The dashboard reads the current month's snapshot: bring it up to date with what was just committed.
                await CoverageSnapshots.RefreshAsync(scope.ServiceProvider.GetRequiredService<LindungDbContext>(), console.Clock, ct);
            }

            return outcome.State switch
            {
                PlanState.Committed => ExitCodes.Ok,
                PlanState.Planned or PlanState.NeedsForce => ExitCodes.Planned,
                _ => ExitCodes.Rejected,
            };
        });
        return command;
    }

    private static Dictionary<string, string>? Overrides(string[] pairs)
    {
        if (pairs.Length == 0)
        {
            return null;
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == pair.Length - 1)
            {
                throw new UsageException($"--column: expected canonical=Header, got '{pair}'.");
            }

            overrides[pair[..at].Trim()] = pair[(at + 1)..].Trim();
        }

        return overrides;
    }

    private static DateOnly? Effective(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new UsageException($"--effective: expected a date as yyyy-mm-dd, got '{text}'.");

    private static async Task WriteSummaryAsync(TextWriter output, ImportOutcome outcome)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv, $"Rows read {outcome.RowsRead}, valid {outcome.RowsValid}, invalid {outcome.RowsInvalid}."));
        if (outcome.Committed)
        {
            await output.WriteLineAsync(string.Create(inv,
                $"Committed batch {outcome.BatchId}: inserted {outcome.Inserted}, updated {outcome.Updated}, unchanged {outcome.Unchanged}, ended {outcome.Ended}."));
        }
        else if (outcome.Plan is { } plan)
        {
            await ImportPlanText.WriteAsync(output, plan, outcome.State);
        }
        else
        {
            await output.WriteLineAsync(outcome.RowsInvalid > 0
                ? "Nothing committed: fix the rows in the report, or re-run with --valid-only to commit the valid rows."
                : "Nothing committed: the file has no rows.");
        }

        foreach (var (code, count) in outcome.IssueCounts ?? new Dictionary<string, int>())
        {
            await output.WriteLineAsync(string.Create(inv, $"  {code,-24} {count,8}"));
        }

        foreach (var issue in outcome.FirstIssues.Take(IssuesShown))
        {
            await output.WriteLineAsync(issue.CliLine);
        }

        await output.WriteLineAsync($"Report: {outcome.ReportCsvPath}");
        if (outcome.ReportXlsxPath is not null)
        {
            await output.WriteLineAsync($"Report (XLSX): {outcome.ReportXlsxPath}");
        }
    }
}
