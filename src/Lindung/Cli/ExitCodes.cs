namespace Lindung.Cli;

/// <summary>Process exit codes shared by every verb.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work ran but found problems the user must fix (for example invalid rows).</summary>
    public const int Rejected = 1;

    /// <summary>The command line itself was wrong: unknown verb, bad option value, missing data.</summary>
    public const int Usage = 2;

    /// <summary>The work was planned, not done: the plan waits for a confirmation the command line did not give (for example --yes).</summary>
    public const int Planned = 3;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it); nothing was committed.</summary>
    public const int Cancelled = 130;
}
