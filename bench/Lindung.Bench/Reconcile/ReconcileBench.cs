using System.Diagnostics;
using System.Globalization;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Reconciliation;

namespace Lindung.Bench.Reconcile;

/// <summary>
/// Accuracy of <c>lindung reconcile</c> on synthetic data with ground truth: precision and recall
/// of automatic matches, the share sent to review, and the time of the whole file-to-result run
/// (the same <see cref="ReconcileFiles.Run"/> the command calls), for several seeds.
/// </summary>
internal static class ReconcileBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var today = new DateOnly(2026, 11, 25);
        var failed = false;
        for (var i = 0; i < args.Seeds; i++)
        {
            var seed = args.Seed + i;
            var sample = new ReconcileSamples(seed).Write(args.WorkDirectory, args.Members, args.Roster, today);
            var watch = Stopwatch.StartNew();
            var results = ReconcileFiles.Run(sample.RosterPath, sample.MembersPath, ReconcileSettings.Default, today);
            var elapsed = watch.Elapsed;
            var score = Accuracy.Of(results, sample.TruthKpj);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reconcile seed {seed}: {args.Members:N0} members, {args.Roster:N0} roster rows | precision {score.Precision:P2} | recall {score.Recall:P2} | review {score.ReviewShare:P2} | {elapsed.TotalMilliseconds:N0} ms ({args.Roster / elapsed.TotalSeconds:N0} roster rows/s)"));
            Console.WriteLine("  " + score.Breakdown);
            if (Environment.GetEnvironmentVariable("LINDUNG_BENCH_EXAMPLES") is { } show)
            {
                // Diagnosis when tuning: the rows that went wrong or to review, with the truth.
                foreach (var r in results.Where(r => (r.Kpj is not null && r.Kpj != sample.TruthKpj[r.Roster.Row - 2]) || r.Outcome == ReconcileOutcome.NeedsReview
                    || (r.Kpj is null && sample.TruthKpj[r.Roster.Row - 2] is not null && r.Outcome != ReconcileOutcome.NeedsReview)).Take(int.Parse(show, CultureInfo.InvariantCulture)))
                {
                    Console.WriteLine($"    row {r.Roster.Row}: {r.Roster.Nik} | {r.Roster.Name} | {r.Roster.BirthDate} | {r.Outcome} {r.Kpj} {r.Score:0.000} | truth {sample.TruthKpj[r.Roster.Row - 2]}");
                }
            }
            failed |= score.Precision < 0.995 || score.Recall < 0.99 || score.ReviewShare > 0.02;
        }

        if (failed)
        {
            Console.Error.WriteLine("TARGET MISSED: precision >= 99.5%, recall >= 99%, review <= 2%.");
        }

        return Task.FromResult(failed ? 1 : 0);
    }

    private sealed record Accuracy(double Precision, double Recall, double ReviewShare, string Breakdown)
    {
        public static Accuracy Of(IReadOnlyList<ReconcileResult> results, string?[] truth)
        {
            var automatic = 0;
            var correct = 0;
            var review = 0;
            var tally = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in results)
            {
                var expected = truth[r.Roster.Row - 2];
                var verdict = r.Kpj is null ? (expected is null ? "ok" : "missed") : r.Kpj == expected ? "ok" : "WRONG";
                var key = $"{ReconcileCodes.Of(r.Outcome)}/{ReconcileCodes.Of(r.Method)}/{(expected is null ? "non-member" : "member")}/{verdict}";
                tally[key] = tally.GetValueOrDefault(key) + 1;
                review += r.Outcome == ReconcileOutcome.NeedsReview ? 1 : 0;
                if (r.Kpj is not null)
                {
                    automatic++;
                    correct += r.Kpj == expected ? 1 : 0;
                }
            }

            var members = truth.Count(t => t is not null);
            var breakdown = string.Join("\n  ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key,-50} {t.Value,7}"));
            return new Accuracy((double)correct / automatic, (double)correct / members, (double)review / results.Count, breakdown);
        }
    }
}
