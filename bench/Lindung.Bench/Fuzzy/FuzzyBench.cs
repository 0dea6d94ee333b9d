using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Lindung.Bench.Reconcile;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;
using Lindung.Features.Reconciliation;

namespace Lindung.Bench.Fuzzy;

/// <summary>
/// The fuzzy pass alone: <c>--roster</c> roster rows with no NIK to go on (every row must be found
/// by name, birth date, sex and district) against <c>--members</c> members, both already in memory.
/// Lindung runs its reconciler (blocks, match model, margin over the runner-up); DuckDB joins the
/// rows to the members of the same birth date and district and keeps the best
/// <c>jaro_winkler_similarity</c> of the lower-cased names at or above 0.9. Times, and the precision
/// and recall of both against the generator's ground truth.
/// </summary>
internal static class FuzzyBench
{
    private const double DuckThreshold = 0.9;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rosterCount = args.Get("--roster", 100_000);
        var memberCount = args.Get("--members", 1_000_000);
        var today = new DateOnly(2026, 11, 25);
        var sample = new ReconcileSamples(args.Seed).Write(args.WorkDirectory, memberCount, rosterCount, today);

        var index = ReconcileFiles.ReadMembers(sample.MembersPath, new NikValidator(AreaDirectory.Embedded), today);
        var roster = ReconcileFiles.ReadRoster(sample.RosterPath).Select(r => r with { Nik = string.Empty }).ToList();
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        Load(duck, sample.MembersPath, roster);

        var reviews = 0;
        Dictionary<int, string> oursResult = [];
        Dictionary<int, string> peerResult = [];
        foreach (var (label, blocks) in new[] { ("birth date + district", ExactBlocks), ("the same blocks", SameBlocks) })
        {
            // CPU time beside wall time: on a shared machine the wall clock mostly measures the neighbours.
            var (oursCpu, peerCpu) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
            (var ours, var peer, oursResult, peerResult) = await Measure.BestOfAsync(
                args.Runs,
                () => Task.FromResult(CpuTimed(() => OursMatches(index, roster, out reviews), ref oursCpu)),
                () => Task.FromResult(CpuTimed(() => PeerMatches(duck, blocks), ref peerCpu)));

            Console.WriteLine($"DuckDB on {label}:");
            Measure.Report("fuzzy", rosterCount, ours, "DuckDB", peer);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  CPU time (all threads, best run): Lindung {oursCpu.TotalMilliseconds:N0} ms | DuckDB {peerCpu.TotalMilliseconds:N0} ms | ratio {oursCpu / peerCpu:0.00}x"));
            var oursScore = Score(oursResult, sample.TruthKpj);
            var peerScore = Score(peerResult, sample.TruthKpj);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Lindung precision {oursScore.Precision:P2} recall {oursScore.Recall:P2} | DuckDB (jaro_winkler >= {DuckThreshold}) precision {peerScore.Precision:P2} recall {peerScore.Recall:P2} | {memberCount:N0} members"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Lindung NEEDS_REVIEW {reviews:N0} rows ({(double)reviews / rosterCount:P2}); precision and recall count automatic decisions only (DuckDB has no review)"));
        ShowErrors(args.Get("--show-errors", 0), roster, oursResult, peerResult, sample);
        Console.WriteLine($"  reproduce: dotnet run -c Release --project bench/Lindung.Bench -- fuzzy --roster {rosterCount} --members {memberCount} --runs {args.Runs}");
        return 0;
    }

    private static T CpuTimed<T>(Func<T> run, ref TimeSpan best)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var result = run();
        var used = Process.GetCurrentProcess().TotalProcessorTime - before;
        best = used < best ? used : best;
        return result;
    }

    /// <summary>Automatic decisions only: a row sent to review carries no KPJ, so it is neither right nor wrong here.</summary>
    private static Dictionary<int, string> OursMatches(MemberIndex index, List<RosterRecord> roster, out int reviews)
    {
        var results = new Reconciler(index, ReconcileSettings.Default).Run(roster);
        reviews = results.Count(r => r.Outcome == ReconcileOutcome.NeedsReview);
        return results.Where(r => r.Kpj is not null).ToDictionary(r => r.Roster.Row, r => r.Kpj!);
    }

    private static Dictionary<int, string> PeerMatches(DuckDBConnection duck, string blocks)
    {
        using var query = duck.CreateCommand();
        query.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH blocks AS ({blocks})
            SELECT row, arg_max(kpj, score) AS kpj
            FROM (
              SELECT b.row, m.kpj, jaro_winkler_similarity(b.name, m.name) AS score
              FROM blocks b JOIN members m ON m.birth = b.day AND m.district = b.district
            )
            WHERE score >= {DuckThreshold}
            GROUP BY row
            """);
        using var reader = query.ExecuteReader();
        var matches = new Dictionary<int, string>();
        while (reader.Read())
        {
            matches[reader.GetInt32(0)] = reader.GetString(1);
        }

        return matches;
    }

    /// <summary>The blocks a SQL user would write first: the row's own birth date in its district.</summary>
    private const string ExactBlocks = "SELECT row, name, district, birth AS day FROM roster";

    /// <summary>
    /// The dates Lindung's search visits in the row's district: its own, day and month swapped,
    /// and every valid date one yyyyMMdd digit away. DuckDB is handed them ready in
    /// <c>roster_days</c>, built untimed, so it pays for the join and the comparisons only.
    /// Lindung also meets same-named members of other districts on the row's date, which this
    /// leaves out (fewer pairs for DuckDB).
    /// </summary>
    private const string SameBlocks = "SELECT row, name, district, day FROM roster JOIN roster_days USING (row)";

    /// <summary>The same parsed rows as Lindung gets; names lower-cased, as a SQL user would compare them.</summary>
    private static void Load(DuckDBConnection duck, string membersPath, List<RosterRecord> roster)
    {
        using (var create = duck.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE members (kpj VARCHAR, name VARCHAR, birth DATE, district VARCHAR);
                CREATE TABLE roster (row INTEGER, name VARCHAR, birth DATE, district VARCHAR);
                CREATE TABLE roster_days (row INTEGER, day DATE);
                """;
            create.ExecuteNonQuery();
        }

        using (var members = duck.CreateAppender("members"))
        {
            foreach (var m in ReconcileFiles.ReadMemberRecords(membersPath))
            {
                var nik = MemberIndex.NikKey(m.Nik);
                var row = members.CreateRow().AppendValue(m.Kpj).AppendValue(m.Name.ToLowerInvariant());
                row = m.BirthDate is { } birth ? row.AppendValue(birth) : row.AppendNullValue();
                row = nik != 0 ? row.AppendValue(nik.ToString("D16", CultureInfo.InvariantCulture)[..6]) : row.AppendNullValue();
                row.EndRow();
            }
        }

        using (var rows = duck.CreateAppender("roster"))
        {
            foreach (var r in roster)
            {
                var row = rows.CreateRow().AppendValue(r.Row).AppendValue(r.Name.ToLowerInvariant());
                row = r.BirthDate is { } birth ? row.AppendValue(birth) : row.AppendNullValue();
                row = r.AreaCode is { Length: >= 8 } area ? row.AppendValue(area[..8].Replace(".", string.Empty, StringComparison.Ordinal)) : row.AppendNullValue();
                row.EndRow();
            }
        }

        using var days = duck.CreateAppender("roster_days");
        Span<int> slips = stackalloc int[BirthDateSlips.MaxOneDigitApart];
        foreach (var r in roster)
        {
            if (r.BirthDate is not { } birth)
            {
                continue;
            }

            var count = BirthDateSlips.OneDigitApart(birth, slips);
            foreach (var day in (ReadOnlySpan<int>)[birth.DayNumber, BirthDateSlips.Swapped(birth)?.DayNumber ?? -1, .. slips[..count]])
            {
                if (day >= 0)
                {
                    days.CreateRow().AppendValue(r.Row).AppendValue(DateOnly.FromDayNumber(day)).EndRow();
                }
            }
        }
    }

    /// <summary>
    /// Diagnosis when tuning: up to <paramref name="count"/> wrong matches and missed members of
    /// each side, with the roster row as written and the member it was matched to or should have been.
    /// </summary>
    private static void ShowErrors(int count, List<RosterRecord> roster, Dictionary<int, string> ours, Dictionary<int, string> peer, ReconcileSample sample)
    {
        if (count <= 0)
        {
            return;
        }

        var truth = sample.TruthKpj;
        var byRow = roster.ToDictionary(r => r.Row);
        var members = ReconcileFiles.ReadMemberRecords(sample.MembersPath).ToDictionary(
            m => m.Kpj, m => string.Create(CultureInfo.InvariantCulture, $"{m.Kpj} {m.Name} | {m.BirthDate:yyyy-MM-dd} | {m.Sex} | {m.Nik[..6]}"));
        foreach (var (side, matches) in new[] { ("Lindung", ours), ("DuckDB", peer) })
        {
            Console.WriteLine($"  {side} wrong matches:");
            foreach (var (row, kpj) in matches.Where(m => truth[m.Key - 2] != m.Value).Take(count))
            {
                Console.WriteLine($"    {Describe(byRow[row])} -> {members[kpj]} | truth {(truth[row - 2] is { } t ? members[t] : "not a member")}");
            }

            Console.WriteLine($"  {side} missed members:");
            foreach (var r in roster.Where(r => truth[r.Row - 2] is not null && !matches.ContainsKey(r.Row)).Take(count))
            {
                Console.WriteLine($"    {Describe(r)} | truth {members[truth[r.Row - 2]!]}");
            }
        }
    }

    private static string Describe(RosterRecord r) =>
        string.Create(CultureInfo.InvariantCulture, $"row {r.Row}: {r.Name} | {r.BirthDate:yyyy-MM-dd} | {r.Sex} | {r.AreaCode}");

    private static (double Precision, double Recall) Score(Dictionary<int, string> matches, string?[] truth)
    {
        var correct = matches.Count(m => truth[m.Key - 2] == m.Value);
        return ((double)correct / Math.Max(1, matches.Count), (double)correct / truth.Count(t => t is not null));
    }
}
