using Lindung.Application;

namespace Lindung.Cli;

/// <summary>
/// Bad input on the command line. <see cref="LindungCli"/> prints the message on one line and exits
/// with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>A use case's refusal as the CLI prints it: each error's code and its English message, on one line.</summary>
    public static UsageException From(IEnumerable<UseCaseError> errors) =>
        new(string.Join(" ", errors.Select(e => $"{e.Code}: {e.Message(english: true)}")));
}
