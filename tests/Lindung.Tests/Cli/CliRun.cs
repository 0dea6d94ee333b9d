using Lindung.Cli;
using Microsoft.Extensions.Configuration;

namespace Lindung.Tests.Cli;

/// <summary>Runs the <c>lindung</c> command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> ExecuteWithInputAsync(string input, params string[] args) => ExecuteAsync(input, configuration: null, args);

    /// <summary>Runs with settings as the environment would give them (e.g. <c>Certificates__KeyFolder</c>).</summary>
    public static Task<CliRun> ExecuteWithConfigurationAsync(IReadOnlyDictionary<string, string?> settings, params string[] args) =>
        ExecuteAsync(string.Empty, new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), args);

    private static async Task<CliRun> ExecuteAsync(string input, IConfiguration? configuration, string[] args)
    {
        using var stdin = new StringReader(input);
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var console = new CliConsole(stdin, stdout, stderr, TimeProvider.System) { Configuration = configuration };
        var exitCode = await LindungCli.RunAsync(args, console);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> ExecuteAsync(params string[] args) => ExecuteWithInputAsync(string.Empty, args);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
