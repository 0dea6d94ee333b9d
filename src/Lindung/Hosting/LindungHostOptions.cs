namespace Lindung.Hosting;

/// <summary>
/// What the web host needs to know from the command line. <c>Db</c> is the <c>--db</c> connection
/// string; when null, <see cref="Data.DatabaseSettings.Resolve"/> falls back to LINDUNG_DB,
/// configuration, then SQLite in the data folder.
/// </summary>
internal sealed record LindungHostOptions(string DataDirectory, string Urls, bool Demo, string? Db = null)
{
    // Not the connection string: it may hold a password.
    public override string ToString() => $"LindungHostOptions {{ DataDirectory = {DataDirectory}, Urls = {Urls}, Demo = {Demo} }}";
}
