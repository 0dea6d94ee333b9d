using System.Diagnostics;
using Lindung.Tests.Cli;
using Xunit.Abstractions;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// The transaction guarantee, tested the hard way: the real <c>lindung</c> process imports a
/// 300,000-row roster into a database that already holds data and is killed with SIGKILL while it
/// merges; the database must then hold exactly what it held before.
/// </summary>
public sealed class ImportCrashTests(ITestOutputHelper output)
{
    private const int Rows = 300_000;

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Kill_9_while_merging_leaves_the_database_as_it_was(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var existing = ImportCsv.Write(database.Directory.Path, "existing.csv", ImportCsv.RosterHeader, Enumerable.Range(0, 1_000).Select(i => ImportCsv.RosterLine(i)));
        var seeded = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", existing, "--agency", ImportTestDatabase.AgencyCode, "--effective", "2026-01-01"]);
        Assert.Equal(0, seeded.ExitCode);
        // Every existing worker's wage changes and 299,000 are new: the merge updates, versions and inserts.
        var big = ImportCsv.Write(database.Directory.Path, "big.csv", ImportCsv.RosterHeader, Enumerable.Range(0, Rows).Select(i => ImportCsv.RosterLine(i, wage: 2_750_000)));
        var before = await database.FingerprintAsync();

        // On PostgreSQL the test holds the batch table: the import merges every row in its transaction and
        // then waits there, so the kill lands inside the merge however fast the machine commits.
        var hold = await database.HoldBatchTableAsync();
        var (killedIn, stdout, elapsed) = await RunAndKillAsync(hold, [.. database.GlobalArgs, "import", "roster", "--yes", big, "--agency", ImportTestDatabase.AgencyCode, "--effective", "2026-02-01"]);

        if (hold is not null)
        {
            await hold.DisposeAsync();
        }

        output.WriteLine($"{provider}: killed in phase '{killedIn}' after {elapsed.TotalSeconds:0.0} s");
        Assert.Equal("merging", killedIn);
        Assert.DoesNotContain("Committed batch", stdout, StringComparison.Ordinal);
        Assert.Equal(before, await database.FingerprintAsync());
    }

    private static async Task<(string? Phase, string Stdout, TimeSpan Elapsed)> RunAndKillAsync(BatchTableHold? hold, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lindung.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var merging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("merging", StringComparison.Ordinal) == true)
            {
                merging.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(merging.Task, exited, Task.Delay(TimeSpan.FromMinutes(5)));
        string? phase = null;
        if (first == merging.Task)
        {
            // Inside the merge: rows are being written to the real tables. Without a hold (SQLite, whose
            // merge takes seconds) soon after it starts; with one, once the import waits at the batch row.
            var inside = hold is null
                ? await Task.Delay(TimeSpan.FromMilliseconds(20)).ContinueWith(_ => true, TaskScheduler.Default)
                : await hold.WaitForWaiterAsync(TimeSpan.FromMinutes(5));
            phase = process.HasExited || !inside ? "finished" : "merging";
            process.Kill(entireProcessTree: true);
        }
        else if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        return (phase, await stdout, clock.Elapsed);
    }
}
