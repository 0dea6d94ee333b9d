using Microsoft.Data.Sqlite;

namespace Lindung.Data;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Lindung uses. <see cref="ToString"/> never shows the connection string (it may hold a password).</summary>
internal sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteFileName = "lindung.db";
    public const string EnvironmentVariable = "LINDUNG_DB";
    public const string ConnectionStringName = "Lindung";

    /// <summary>
    /// PostgreSQL when a connection string is given by <c>--db</c>, else env <c>LINDUNG_DB</c>, else
    /// configuration <c>ConnectionStrings:Lindung</c>; otherwise SQLite at <c>&lt;dataDirectory&gt;/lindung.db</c>.
    /// </summary>
    public static DatabaseSettings Resolve(
        string dataDirectory, string? dbOption, IConfiguration? configuration, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string?[] candidates = [dbOption, environment(EnvironmentVariable), configuration?.GetConnectionString(ConnectionStringName)];
        var connectionString = candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        return connectionString is null ? Sqlite(dataDirectory) : new(DatabaseProvider.Postgres, connectionString);
    }

    public static DatabaseSettings Sqlite(string dataDirectory) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataDirectory), SqliteFileName),
            ForeignKeys = true,
        }.ToString());

    public override string ToString() => Provider.ToString();
}
