using System.ComponentModel;
using System.Diagnostics;
using Lindung.Application;
using Npgsql;

namespace Lindung.Features.Backup;

/// <summary>
/// Runs PostgreSQL's own pg_dump and pg_restore, the tools its operators already trust, against
/// the database of a connection string. The password goes through the environment (PGPASSWORD),
/// never the command line where other accounts could read it.
/// </summary>
internal static class PostgresTools
{
    public static Task<UseCaseError?> DumpAsync(string connectionString, string outputPath, CancellationToken ct) =>
        RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", outputPath], ct);

    /// <summary>Restores in one transaction: a failure leaves the target database as empty as it was.</summary>
    public static Task<UseCaseError?> RestoreAsync(string connectionString, string dumpPath, CancellationToken ct) =>
        RunAsync("pg_restore", connectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", Database(connectionString), dumpPath], ct);

    /// <summary>True when the database has a table outside PostgreSQL's own schemas.</summary>
    public static async Task<bool> HasTablesAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'))",
            connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static string Database(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database
        ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));

    private static async Task<UseCaseError?> RunAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (tool == "pg_dump")
        {
            start.ArgumentList.Add(builder.Database ?? "");
        }

        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = builder.Username;
        start.Environment["PGPASSWORD"] = builder.Password;
        start.Environment["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            return BackupErrors.ToolMissing(tool);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await stdout;
            var message = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            return process.ExitCode == 0 ? null : BackupErrors.ToolFailed(tool, process.ExitCode, message);
        }
    }
}
