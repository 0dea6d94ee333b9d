using System.CommandLine;
using System.Globalization;
using Lindung.Application;
using Lindung.Cli;
using Lindung.Data;

namespace Lindung.Features.Backup;

/// <summary>
/// <c>lindung backup --out FILE</c> and <c>lindung restore FILE</c>: the whole installation (the
/// database chosen by --data/--db, plus the data folder's keys, uploads and import reports) into one
/// archive and back into an empty folder and database. Progress goes to standard error, the summary
/// to standard output; a refusal is one line and exit code 2.
/// </summary>
internal static class BackupCommand
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        var output = new Option<FileInfo>("--out") { Description = "Archive to write (a new file; an existing one is never overwritten).", Required = true };
        var backup = new Command("backup", "Write the database and the data folder's keys, uploads and import reports into one archive.") { output };
        backup.SetAction(async (parse, ct) =>
        {
            var (dataDirectory, database) = Resolve(parse);
            var result = await new CreateBackup(console.Clock).HandleAsync(dataDirectory, database, parse.GetValue(output)!.FullName, Progress(console), ct);
            var written = Succeeded(result);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"backup {written.Path}: {CreateBackup.ProviderName(written.Provider)} database and {written.Files} files, {written.Bytes} bytes"));
            return ExitCodes.Ok;
        });

        var file = new Argument<FileInfo>("FILE") { Description = "Archive written by lindung backup." };
        var restore = new Command("restore", "Restore a backup into an empty data folder (and an empty PostgreSQL database when --db is given).") { file };
        restore.SetAction(async (parse, ct) =>
        {
            var (dataDirectory, database) = Resolve(parse);
            var result = await RestoreBackup.HandleAsync(parse.GetValue(file)!.FullName, dataDirectory, database, Progress(console), ct);
            var restored = Succeeded(result);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"restored into {dataDirectory}: {CreateBackup.ProviderName(restored.Provider)} database and {restored.Files} files, backup taken {restored.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC"));
            return ExitCodes.Ok;
        });

        return [backup, restore];
    }

    private static (string DataDirectory, DatabaseSettings Database) Resolve(ParseResult parse)
    {
        var dataDirectory = GlobalOptions.ResolveDataDirectory(parse);
        return (dataDirectory, DatabaseSettings.Resolve(dataDirectory, parse.GetValue(GlobalOptions.Db), configuration: null));
    }

    private static T Succeeded<T>(UseCaseResult<T> result) => result.Succeeded
        ? result.Value
        : throw UsageException.From(result.Errors);

    private static StepLines Progress(CliConsole console) => new(console.Error);

    /// <summary>Each step as one line on standard error, written at once (<see cref="Progress{T}"/> would post it later, after the verb may have ended).</summary>
    private sealed class StepLines(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine(value);
    }
}
