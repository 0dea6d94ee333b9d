namespace Lindung.Cli;

/// <summary>
/// The streams and clock a command talks to. Commands never touch <see cref="Console"/> or
/// <see cref="DateTime.Now"/> directly, so tests can run them in-process and read what they print.
/// </summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, TimeProvider Clock)
{
    public static CliConsole System { get; } =
        new(Console.In, Console.Out, Console.Error, TimeProvider.System);
}
