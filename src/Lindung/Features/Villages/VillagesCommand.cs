using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Security;

namespace Lindung.Features.Villages;

/// <summary>
/// <c>lindung villages population FILE</c>: the working-age population of many villages from one
/// CSV or XLSX file, as on the villages page. Prints the counts and the refused rows; exit 0 when
/// the file was saved (or changed nothing), 1 when rows were refused and nothing was saved, 2 for
/// a usage error (missing file, unreadable file, a column missing).
/// </summary>
internal static class VillagesCommand
{
    private const int IssuesShown = 20;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV or XLSX with kode_desa, penduduk_usia_kerja and optionally per_tanggal." };
        var population = new Command("population", "Import villages' working-age population; all or nothing, every refused row named.") { file };
        population.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"File not found: {path.FullName}");
            }

            await using var services = await CliServices.StartAsync(parse, ct, console.Configuration);
            await using var scope = services.CreateAsyncScope();
            var use = new ImportVillagePopulation(scope.ServiceProvider.GetRequiredService<LindungDbContext>(), console.Clock);

            // Whoever runs the CLI on the server operates the installation: any region's villages may be named.
            var result = await use.HandleAsync(path.FullName, AccessScope.Operator, ct);
            if (!result.Succeeded)
            {
                throw UsageException.From(result.Errors);
            }

            var outcome = result.Value;
            var inv = CultureInfo.InvariantCulture;
            await console.Out.WriteLineAsync(outcome.Committed
                ? string.Create(inv, $"Saved: rows read {outcome.RowsRead}, villages changed {outcome.Changed}, unchanged {outcome.Unchanged}.")
                : string.Create(inv, $"Nothing saved: rows read {outcome.RowsRead}; the refused rows follow."));
            foreach (var issue in outcome.Issues.Take(IssuesShown))
            {
                await console.Out.WriteLineAsync(issue.CliLine);
            }

            return outcome.Committed ? ExitCodes.Ok : ExitCodes.Rejected;
        });
        return new Command("villages", "Fostered villages.") { population };
    }
}
