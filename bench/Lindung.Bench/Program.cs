using Lindung.Bench;
using Lindung.Bench.Budget;
using Lindung.Bench.Compliance;
using Lindung.Bench.Coverage;
using Lindung.Bench.Exact;
using Lindung.Bench.Fuzzy;
using Lindung.Bench.Import;
using Lindung.Bench.Lists;
using Lindung.Bench.Memory;
using Lindung.Bench.Nik;
using Lindung.Bench.Pages;
using Lindung.Bench.Reconcile;

// Each job generates its own data, runs Lindung and a peer on the same input in this process,
// checks that both reached the same answer, and prints the time ratio.
var jobs = new Dictionary<string, Func<BenchArgs, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["nik"] = NikBench.RunAsync,
    ["reconcile"] = ReconcileBench.RunAsync,
    ["exact"] = ExactBench.RunAsync,
    ["fuzzy"] = FuzzyBench.RunAsync,
    ["memory"] = MemoryBench.RunAsync,
    ["import"] = ImportBench.RunAsync,
    ["coverage"] = CoverageBench.RunAsync,
    ["worker-list"] = WorkerListBench.RunAsync,
    ["pages"] = PagesBench.RunAsync,
    ["compliance"] = ComplianceBench.RunAsync,
    ["budget"] = BudgetBench.RunAsync,
};

if (args.Length == 5 && args[0] == MemoryBench.ChildJob)
{
    return MemoryBench.RunChild(args[1..]);
}

if (args.Length == 0 || !jobs.TryGetValue(args[0], out var job))
{
    Console.Error.WriteLine($"usage: Lindung.Bench <{string.Join('|', jobs.Keys)}> [--rows N] [--runs N] [--seed N] [--seeds N] [--members N] [--roster N] [--workers N] [--memberships N] [--clients N] [--seconds N] [--big N] [--reviews N] [--samples N]");
    return 2;
}

return await job(BenchArgs.Parse(args[1..]));
