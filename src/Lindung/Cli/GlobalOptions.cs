using System.CommandLine;

namespace Lindung.Cli;

/// <summary>Options every verb accepts: where the data folder is and which database to use.</summary>
internal static class GlobalOptions
{
    public static readonly Option<DirectoryInfo?> Data = new("--data")
    {
        Description = "Data folder for the SQLite file, uploads and rate overrides (env LINDUNG_DATA).",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Database connection string; PostgreSQL when given (env LINDUNG_DB).",
        Recursive = true,
    };

    /// <summary>The data folder: --data, else LINDUNG_DATA, else ./.lindung beside the working directory.</summary>
    public static string ResolveDataDirectory(ParseResult parse)
    {
        var fromOption = parse.GetValue(Data)?.FullName;
        var fromEnv = Environment.GetEnvironmentVariable("LINDUNG_DATA");
        var dir = fromOption ?? (string.IsNullOrWhiteSpace(fromEnv) ? null : Path.GetFullPath(fromEnv));
        return dir ?? Path.Combine(Directory.GetCurrentDirectory(), ".lindung");
    }
}
