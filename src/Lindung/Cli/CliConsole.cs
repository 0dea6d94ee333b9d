namespace Lindung.Cli;

/// <summary>
/// The streams, clock and settings a command talks to. Commands never touch <see cref="Console"/>,
/// <see cref="DateTime.Now"/> or the environment directly, so tests can run them in-process and
/// read what they print.
/// </summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, TimeProvider Clock)
{
    public static CliConsole System { get; } =
        new(Console.In, Console.Out, Console.Error, TimeProvider.System)
        {
            // The same names the web host reads, e.g. Imports__Limits__MaxRows=500000.
            Configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build(),
        };

    /// <summary>Settings such as <c>Imports:Limits</c>; none (the defaults) when null.</summary>
    public IConfiguration? Configuration { get; init; }
}
