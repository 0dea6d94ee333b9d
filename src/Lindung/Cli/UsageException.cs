namespace Lindung.Cli;

/// <summary>
/// Bad input on the command line. <see cref="LindungCli"/> prints the message on one line and exits
/// with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
