using System.Globalization;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Reconciliation;

namespace Lindung.Bench.Exact;

/// <summary>
/// The exact pass end to end: two CSVs of <c>--rows</c> rows each (roster and extract) in, a result
/// CSV out. Lindung runs what <c>lindung reconcile --nik-only</c> runs; DuckDB reads both files,
/// joins on NIK and writes its result. Both must find the same number of covered rows.
/// </summary>
internal static class ExactBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Get("--rows", 5_000_000);
        var today = new DateOnly(2026, 11, 25);
        var sample = ExactSamples.Write(args.WorkDirectory, rows, rows, args.Seed);
        var oursOut = Path.Combine(args.WorkDirectory, "exact-lindung.csv");
        var peerOut = Path.Combine(args.WorkDirectory, "exact-duckdb.csv");
        var settings = ReconcileSettings.Default with { NikOnly = true };

        var (ours, peer, oursCovered, peerCovered) = await Measure.BestOfAsync(
            args.Runs,
            () => Task.FromResult(ReconcileFiles.ReconcileToFile(sample.RosterPath, sample.MembersPath, oursOut, settings, today).Covered),
            () => Task.FromResult(DuckJoin.Run(sample.RosterPath, sample.MembersPath, peerOut)));

        Measure.Report("exact", rows, ours, "DuckDB", peer);
        Console.WriteLine($"  reproduce: dotnet run -c Release --project bench/Lindung.Bench -- exact --rows {rows} --runs {args.Runs}");
        if (oursCovered != sample.Covered || peerCovered != sample.Covered)
        {
            Console.Error.WriteLine($"MISMATCH: {sample.Covered:N0} roster rows are members; Lindung covered {oursCovered:N0}, DuckDB {peerCovered:N0}.");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  both covered {oursCovered:N0} of {rows:N0} roster rows (the generator's truth)"));
        File.Delete(oursOut);
        File.Delete(peerOut);
        return 0;
    }
}
