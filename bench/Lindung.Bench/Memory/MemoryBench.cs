using System.Diagnostics;
using System.Globalization;
using Lindung.Bench.Exact;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Reconciliation;

namespace Lindung.Bench.Memory;

/// <summary>
/// Peak memory of reconciling <c>--roster</c> roster rows against <c>--members</c> members (exact
/// pass, files in, result file out). Each side runs alone in a fresh child process (this
/// executable, hidden job <c>memory-child</c>) and reports its own high-water mark of resident
/// memory (VmHWM), so neither side's heap or native buffers leak into the other's figure.
/// </summary>
internal static class MemoryBench
{
    public const string ChildJob = "memory-child";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var roster = args.Get("--roster", 1_000_000);
        var members = args.Get("--members", 5_000_000);
        var sample = ExactSamples.Write(args.WorkDirectory, roster, members, args.Seed);
        var ours = await ChildAsync("lindung", sample, args.WorkDirectory);
        var peer = await ChildAsync("duckdb", sample, args.WorkDirectory);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: {roster:N0} roster x {members:N0} members | Lindung peak {Mib(ours.PeakBytes):N0} MiB ({ours.Elapsed.TotalMilliseconds:N0} ms) | DuckDB peak {Mib(peer.PeakBytes):N0} MiB ({peer.Elapsed.TotalMilliseconds:N0} ms) | ratio Lindung/DuckDB = {(double)ours.PeakBytes / peer.PeakBytes:0.00}x"));
        Console.WriteLine($"  reproduce: dotnet run -c Release --project bench/Lindung.Bench -- memory --roster {roster} --members {members}");
        if (ours.Covered != sample.Covered || peer.Covered != sample.Covered)
        {
            Console.Error.WriteLine($"MISMATCH: {sample.Covered:N0} roster rows are members; Lindung covered {ours.Covered:N0}, DuckDB {peer.Covered:N0}.");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  both covered {ours.Covered:N0} of {roster:N0} roster rows (the generator's truth)"));
        return 0;
    }

    /// <summary>The hidden job: one side, then its own peak resident memory on standard output.</summary>
    public static int RunChild(string[] args)
    {
        var (side, rosterPath, membersPath, outPath) = (args[0], args[1], args[2], args[3]);
        var today = new DateOnly(2026, 11, 25);
        var covered = side == "lindung"
            ? ReconcileFiles.ReconcileToFile(rosterPath, membersPath, outPath, ReconcileSettings.Default with { NikOnly = true }, today).Covered
            : DuckJoin.Run(rosterPath, membersPath, outPath);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"covered {covered} peak {PeakResidentBytes()}"));
        File.Delete(outPath);
        return 0;
    }

    private static async Task<ChildResult> ChildAsync(string side, ExactSample sample, string work)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { ChildJob, side, sample.RosterPath, sample.MembersPath, Path.Combine(work, $"memory-{side}.csv") })
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var words = output.Trim().Split(' ');
        if (child.ExitCode != 0 || words.Length != 4)
        {
            throw new InvalidOperationException($"{side} child failed ({child.ExitCode}): {output}");
        }

        return new ChildResult(long.Parse(words[1], CultureInfo.InvariantCulture), long.Parse(words[3], CultureInfo.InvariantCulture), watch.Elapsed);
    }

    /// <summary>VmHWM from /proc/self/status: the most resident memory this process ever held.</summary>
    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return kib * 1024;
    }

    private static double Mib(long bytes) => bytes / 1024.0 / 1024.0;

    private sealed record ChildResult(long Covered, long PeakBytes, TimeSpan Elapsed);
}
