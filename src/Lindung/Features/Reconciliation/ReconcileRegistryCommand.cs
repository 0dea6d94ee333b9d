using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Features.Agencies;
using Lindung.Features.Dashboard;
using Lindung.Features.Shared;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// <c>lindung reconcile-registry --region 35.77 [--agency CODE] [--report gaps.csv]</c>: the app's
/// reconciliation run over the registry database (the same <see cref="ReconciliationRunner"/> as the
/// "Jalankan rekonsiliasi" button, which queues it for the background worker), in this process, for
/// schedulers and batch work. Shows a progress bar on standard error; prints the run id and the counts.
/// </summary>
internal static class ReconcileRegistryCommand
{
    public const string Actor = "cli";

    public static Command Create(CliConsole console)
    {
        var region = new Option<string>("--region") { Description = "Regency/city code whose agencies and memberships are reconciled, e.g. 35.77.", Required = true };
        var agency = new Option<string?>("--agency") { Description = "Only this agency (its code in the region)." };
        var report = new Option<FileInfo?>("--report") { Description = "Gap summary per agency (counts and monthly contribution to close each gap) as .csv or .xlsx." };
        var command = new Command("reconcile-registry", "Reconcile agency rosters in the registry against the memberships of the region and store the run.")
        {
            region, agency, report,
        };
        command.SetAction(async (parse, ct) =>
        {
            var regionCode = AreaCode.Normalize(parse.GetValue(region)) is { Length: >= 5 } dotted && AreaDirectory.Embedded.Exists(dotted)
                ? dotted
                : throw new UsageException($"--region: unknown Kemendagri region code '{parse.GetValue(region)}' (at least regency/city).");
            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();

            Guid? agencyId = null;
            if (parse.GetValue(agency) is { } code)
            {
                var match = await AgencyLookup.ByCodeAsync(db.Agencies, code, regionCode, ct);
                agencyId = match.Agency?.Id ?? throw new UsageException(match.Ambiguous
                    ? $"--agency: code '{code}' names several agencies in region {regionCode}; give the regency with --region."
                    : $"--agency: no agency with code '{code}' in region {regionCode}.");
            }

            var rates = scope.ServiceProvider.GetRequiredService<RateBook>();
            var run = await ReconciliationRunner.RunAsync(db, regionCode, agencyId, Actor, rates, console.Clock, new RunProgressBar(console.Error, console.Clock), ct);
            // The PDS flags per employer on the dashboard come from this run.
            await CoverageSnapshots.RefreshAsync(db, console.Clock, ct);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Run {run.Id}: {run.RosterRows} roster workers"));
            foreach (var (outcome, count) in new[]
            {
                ("COVERED_ACTIVE", run.CoveredActive), ("COVERED_INACTIVE", run.CoveredInactive), ("NOT_REGISTERED", run.NotRegistered),
                ("NEEDS_REVIEW", run.NeedsReview), ("INVALID_ROW", run.InvalidRow), ("WAGE_UNDERREPORTED", run.WageUnderreported), ("PROGRAM_MISSING", run.ProgramMissing),
                ("FOREIGN_NOT_YET_DUE", run.ForeignNotYetDue),
            })
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {outcome,-18} {count,8}"));
            }

            if (parse.GetValue(report) is { } reportFile)
            {
                var pricing = GapPricing.ForAgencies(scope.ServiceProvider.GetRequiredService<RateBook>(), console.Clock.Today());
                GapReport.Write(reportFile, await GapReport.FromRunAsync(db, run.Id, pricing, ct), $"{regionCode} · iuran {pricing.Month}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>A run's progress on standard error: phase and roster workers done.</summary>
internal sealed class RunProgressBar(TextWriter error, TimeProvider clock) : IProgress<ReconcileProgress>
{
    private readonly Jobs.ConsoleProgress _line = new(error, clock, "workers");

    public void Report(ReconcileProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var percent = value.Total > 0 ? 100.0 * value.Done / value.Total : (double?)null;
        _line.Report(value.Phase, percent, value.Done, value.Phase == ReconciliationRunner.PhaseDone);
    }
}
