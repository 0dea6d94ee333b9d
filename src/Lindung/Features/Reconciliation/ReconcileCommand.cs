using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Imports;
using Lindung.Features.Shared;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// <c>lindung reconcile --roster R --members M --out result.csv</c>: ties every row of an agency
/// roster to a BPJS Ketenagakerjaan membership extract and writes one outcome per row, with the
/// coverage gaps (wage under-reported, program missing) of covered workers. Stateless: nothing is
/// stored. The summary goes to standard error; the exit code is 0 whenever the files could be read.
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create(CliConsole console)
    {
        var roster = new Option<FileInfo>("--roster") { Description = "Agency roster, CSV or XLSX (first sheet): nik, nama, tanggal_lahir, ….", Required = true };
        var members = new Option<FileInfo>("--members") { Description = "BPJS Ketenagakerjaan membership extract, CSV or XLSX (first sheet): kpj, nik, nama, ….", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Result CSV to write.", Required = true };
        var programs = new Option<string>("--require-programs")
        {
            Description = "Programs a covered worker must have, comma-separated (default JKK,JKM).",
            DefaultValueFactory = _ => "JKK,JKM",
        };
        var command = new Command("reconcile", "Match a roster against a membership extract: who is covered, who is not, who needs a look.")
        {
            roster, members, output, programs,
        };
        command.SetAction(async (parse, ct) =>
        {
            var rosterFile = Existing(parse.GetValue(roster)!);
            var membersFile = Existing(parse.GetValue(members)!);
            var outFile = parse.GetValue(output)!;
            var required = ReconcileCodes.ParsePrograms(parse.GetValue(programs)!)
                ?? throw new UsageException($"--require-programs: expected program names from JKK, JKM, JHT, JP, JKP; got '{parse.GetValue(programs)}'.");
            var settings = ReconcileSettings.Default with { RequiredPrograms = required };
            var today = console.Clock.Today();

            IReadOnlyList<ReconcileResult> results;
            try
            {
                results = ReconcileFiles.Run(rosterFile.FullName, membersFile.FullName, settings, today);
            }
            catch (MissingColumnException ex)
            {
                throw new UsageException(ex.Message);
            }
            catch (TableFileException ex)
            {
                throw new UsageException(ex.Message);
            }

            ReconcileFiles.Write(outFile.FullName, results);
            await WriteSummaryAsync(console.Error, results);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static FileInfo Existing(FileInfo file) =>
        file.Exists ? file : throw new UsageException($"File not found: {file.FullName}");

    private static async Task WriteSummaryAsync(TextWriter error, IReadOnlyList<ReconcileResult> results)
    {
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{results.Count} roster rows"));
        foreach (var outcome in Enum.GetValues<ReconcileOutcome>())
        {
            var count = results.Count(r => r.Outcome == outcome);
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {ReconcileCodes.Of(outcome),-17} {count,8}"));
        }

        var gaps = results.Count(r => r.Gaps != CoverageGap.None);
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  covered with gaps  {gaps,8}"));
    }
}
