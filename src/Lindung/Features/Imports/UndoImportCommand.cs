using System.CommandLine;
using System.Globalization;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Features.Dashboard;

namespace Lindung.Features.Imports;

/// <summary><c>lindung import undo BATCH_ID</c>: puts the registry back as it was before that batch (see <see cref="UndoImport"/>).</summary>
internal static class UndoImportCommand
{
    public static Command Create(CliConsole console)
    {
        var batch = new Argument<Guid>("BATCH_ID") { Description = "The committed batch to undo (printed by the import, shown on the import's page)." };
        var command = new Command("undo", "Undo a committed import: restore every worker, job and membership it changed and remove what it added.") { batch };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UndoImport>().HandleAsync(parse.GetValue(batch), scope: null, ct);
            if (!result.Succeeded)
            {
                var error = result.Errors[0];
                throw new UsageException($"{error.Code}: {error.Message(english: true)}");
            }

            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Undone batch {result.Value.BatchId}: {result.Value.Restored} rows restored, {result.Value.Removed} rows removed."));
            await CoverageSnapshots.RefreshAsync(scope.ServiceProvider.GetRequiredService<LindungDbContext>(), console.Clock, ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
