using System.CommandLine;
using Lindung.Features.ApiKeys;
using Lindung.Features.Backup;
using Lindung.Features.Branches;
using Lindung.Features.Contributions;
using Lindung.Features.Dashboard;
using Lindung.Features.Home;
using Lindung.Features.Imports;
using Lindung.Features.Nik;
using Lindung.Features.Reconciliation;
using Lindung.Features.Users;

namespace Lindung.Cli;

/// <summary>The <c>lindung</c> command line: one executable for the web host and every batch verb.</summary>
internal static class LindungCli
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Lindung — employment social security coverage for regional governments.")
        {
            ServeCommand.Create(console),
            NikCheckCommand.Create(console),
            ContributionCommand.Create(console),
            ReconcileCommand.Create(console),
            ReconcileRegistryCommand.Create(console),
            UserAddCommand.Create(console),
            ApiKeyCommand.Create(console),
            ImportCommand.Create(console),
            SnapshotCommand.Create(console),
            ReportCommand.Create(console),
            BranchCommand.Create(console),
            Features.Certificates.CertificateCommand.Create(console),
            Features.Procurement.ContractsCommand.Create(console),
            Features.Claims.ClaimsCommand.Create(console),
            Features.Budget.BudgetCommand.Create(console),
            Features.Villages.VillagesCommand.Create(console),
        };
        foreach (var command in BackupCommand.Create(console))
        {
            root.Subcommands.Add(command);
        }

        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Db);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, all reasons: "nik frobnicate" is both an unknown word and a missing verb.
            await console.Error.WriteLineAsync(string.Join("; ", parse.Errors.Select(e => e.Message).Distinct()));
            return ExitCodes.Usage;
        }

        try
        {
            // The default handler would print a stack trace and exit 1; usage errors must exit 2 with one line.
            var config = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (UsageException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.Usage;
        }
    }
}
