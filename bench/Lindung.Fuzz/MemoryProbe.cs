using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Lindung.Fuzz;

/// <summary>
/// Peak memory per file (issue #16: any file of at most 10 MB is refused or imported within 512 MB
/// of process memory). For every way of breaking a file, the seed's first file of that kind runs
/// alone in a fresh child process (this executable, hidden job <c>memory-child</c>), once through
/// the command line and once through the upload API, and the child reports its own high-water mark
/// of resident memory (VmHWM): the whole process — runtime, web app, database driver and reader — as
/// an operator would see it in <c>top</c>. The child runs with the server garbage collector, as the
/// app itself does, so its heaps are sized like the real server's. SQLite only: with PostgreSQL the
/// database is another process, and the app's side of an import is the same reader and planner.
/// </summary>
internal static class MemoryProbe
{
    public const string ChildJob = "memory-child";
    public const long LimitBytes = 512L * 1024 * 1024;
    private const long MaxFileBytes = 10L * 1024 * 1024;

    public static async Task<int> RunAsync(int seed, int? maxRows, TextWriter log)
    {
        var work = Directory.CreateTempSubdirectory("lindung-fuzz-memory-").FullName;
        try
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {"file",-26} {"size",10}  {"cli peak",9}  {"api peak",9}  outcome (cli | api)"));
            var worst = (Bytes: 0L, What: string.Empty);
            var failed = false;
            foreach (var mutation in MalformedFiles.Mutations)
            {
                var index = Enumerable.Range(0, 1_000_000).First(i => MalformedFiles.MutationOf(seed, i) == mutation);
                var file = MalformedFiles.Make(seed, index, maxRows ?? Features.Imports.TableLimits.Default.MaxRows);
                var path = Path.Combine(work, file.FileName);
                await File.WriteAllBytesAsync(path, file.Content);
                var cli = await MeasureAsync(path, mutation, "cli", maxRows);
                var api = await MeasureAsync(path, mutation, "api", maxRows);
                File.Delete(path);
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {mutation,-26} {file.Content.Length / 1024.0,7:N0} KiB  {Mib(cli.PeakBytes),5:N0} MiB  {Mib(api.PeakBytes),5:N0} MiB  {cli.Code} | {api.Code}"));
                foreach (var (door, result) in new[] { ("cli", cli), ("api", api) })
                {
                    if (result.PeakBytes > worst.Bytes)
                    {
                        worst = (result.PeakBytes, $"{mutation} via {door}");
                    }

                    if (result.Failed || (file.Content.Length <= MaxFileBytes && result.PeakBytes > LimitBytes))
                    {
                        failed = true;
                        await log.WriteLineAsync($"FAIL {mutation} {door}: {result.Code}, peak {Mib(result.PeakBytes):N0} MiB");
                    }
                }
            }

            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"memory: {MalformedFiles.Mutations.Length} kinds of file × 2 doors, each in a fresh process | worst peak {Mib(worst.Bytes):N0} MiB ({worst.What}) | limit {Mib(LimitBytes):N0} MiB for files ≤ 10 MB"));
            return failed ? 1 : 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The hidden job: one file through one door, then the outcome and this process's peak resident memory.</summary>
    public static async Task<int> RunChildAsync(string path, string mutation, string door, int? maxRows)
    {
        var file = new FuzzFile(0, mutation, Path.GetFileName(path), await File.ReadAllBytesAsync(path));
        var options = new FuzzOptions(1, 0, Db: null, Cli: door == "cli", Api: door == "api", MaxRows: maxRows);
        var report = await FuzzRunner.RunAsync(options, TextWriter.Null, [file]);
        var code = report.Codes.Keys.SingleOrDefault() ?? "none";
        var failed = report.Crashes + report.ServerErrors + report.PartialWrites > 0 || !GCSettings.IsServerGC;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{PeakResidentBytes()} {(failed ? "failed" : "ok")} {code}"));
        return 0;
    }

    /// <summary>
    /// One file through one door in a fresh process: this executable, or — from a test host, whose own
    /// executable is not this one — <c>dotnet</c> with <paramref name="assembly"/>, the fuzz assembly.
    /// </summary>
    public static async Task<ChildResult> MeasureAsync(string path, string mutation, string door, int? maxRows, string? assembly = null)
    {
        var start = new ProcessStartInfo(assembly is null ? Environment.ProcessPath! : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (assembly is not null)
        {
            start.ArgumentList.Add(assembly);
        }

        // The app runs with the server collector (the web SDK's default); the fuzzer itself does not.
        start.Environment["DOTNET_gcServer"] = "1";
        foreach (var arg in new[] { ChildJob, path, mutation, door })
        {
            start.ArgumentList.Add(arg);
        }

        if (maxRows is { } max)
        {
            start.ArgumentList.Add("--max-rows");
            start.ArgumentList.Add(max.ToString(CultureInfo.InvariantCulture));
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var words = output.Trim().Split(' ', 3);
        return child.ExitCode != 0 || words.Length != 3
            ? new ChildResult(0, true, string.Create(CultureInfo.InvariantCulture, $"child exited {child.ExitCode}: {output.Trim()}"))
            : new ChildResult(long.Parse(words[0], CultureInfo.InvariantCulture), words[1] != "ok", words[2]);
    }

    /// <summary>VmHWM from /proc/self/status: the most resident memory this process ever held.</summary>
    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
    }

    private static double Mib(long bytes) => bytes / 1024.0 / 1024.0;

    internal sealed record ChildResult(long PeakBytes, bool Failed, string Code);
}
