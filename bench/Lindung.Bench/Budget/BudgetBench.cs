using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lindung.Bench.Coverage;
using Lindung.Data;
using Lindung.Domain.Budget;
using Lindung.Domain.Contributions;
using Lindung.Features.Budget;
using Lindung.Features.Contributions;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lindung.Bench.Budget;

/// <summary>
/// The APBD budget planner at regency scale (issue #14 §5): the coverage job's registry (1,000,000
/// roster workers in 50 agencies) with 600 wage levels, plus 100,000 vulnerable workers the region pays
/// for, priced for the 12 months of next year with every program (JKK, JKM, JHT, JP; the JP cap changes
/// in March) by <see cref="PlanBudget"/>, the use case behind the page, the API and the CLI. The peer:
/// one plain SQL query over the same employments and months that sums the same contributions (each line
/// rounded half-up per worker, as the engine does). Both must reach the same total to the rupiah. SQLite by
/// default; PostgreSQL when LINDUNG_BENCH_PG names a server (a database is created and dropped).
/// </summary>
internal static class BudgetBench
{
    private const double SecondsTarget = 2.0;
    private const int Vulnerable = 100_000;
    private const int WageLevels = 600;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var workers = args.Get("--workers", 1_000_000);
        var today = TimeProvider.System.Today();
        var watch = Stopwatch.StartNew();
        var data = CoverageSamples.Generate(workers, args.Get("--memberships", 200_000), args.Seed, today);
        var folder = Directory.CreateTempSubdirectory("lindung-bench-budget-").FullName;
        var postgres = Environment.GetEnvironmentVariable(Import.ImportBench.PostgresVariable);
        string? database = null;
        try
        {
            var settings = DatabaseSettings.Sqlite(folder);
            if (!string.IsNullOrWhiteSpace(postgres))
            {
                database = "lindung_bench_" + Guid.NewGuid().ToString("N")[..12];
                await CoverageBench.AdminAsync(postgres, $"CREATE DATABASE {database}");
                settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString());
            }

            await using var services = new ServiceCollection().AddLogging().AddLindungDatabase(settings).AddSingleton(TimeProvider.System).BuildServiceProvider();
            await services.MigrateLindungDatabaseAsync();
            await using (var scope = services.CreateAsyncScope())
            {
                await CoverageLoad.AgenciesAsync(scope.ServiceProvider.GetRequiredService<LindungDbContext>(), data);
            }

            var pg = settings.Provider == DatabaseProvider.Postgres;
            if (pg)
            {
                await CoverageLoad.PostgresAsync(settings.ConnectionString, data);
            }
            else
            {
                CoverageLoad.Sqlite(settings.ConnectionString, data);
            }

            await ExecuteAsync(settings, pg
                ? $"UPDATE employments SET monthly_wage = 1500000 + ((hashtext(id::text)::bigint & 2147483647) % {WageLevels}) * 5000; ANALYZE employments"
                : $"UPDATE employments SET monthly_wage = 1500000 + ((rowid * 7919) % {WageLevels}) * 5000");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"budget: {data.RosterWorkers:N0} roster workers in {CoverageSamples.AgencyCount} agencies at {WageLevels} wage levels + {Vulnerable:N0} vulnerable workers; {settings.Provider}, generated and loaded in {watch.Elapsed.TotalSeconds:N0} s (not timed)"));

            var from = new ContributionMonth(today.Year + 1, 1);
            var document = new BudgetScenarioDocument
            {
                From = from.ToString(),
                Months = 12,
                Groups = [new BudgetGroupDocument { Name = "Pekerja rentan", Segment = "BPU", Count = Vulnerable, Income = 1_000_000, Payer = "APBD" }],
                Roster = new BudgetRosterDocument { Programs = ["JKK", "JKM", "JHT", "JP"], RiskGroup = 1, Payer = "APBD" },
            };
            var book = RateBookLoader.Load(folder);
            var sql = PeerSql(book, from, today, pg);

            var best = double.MaxValue;
            var bestPeer = double.MaxValue;
            long total = 0, peerTotal = 0;
            for (var run = 0; run < args.Runs; run++)
            {
                watch.Restart();
                await using (var scope = services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                    var planner = new PlanBudget(book, new RosterBudgetGroups(db, TimeProvider.System), new Lindung.Features.Villages.RankVillages(db, TimeProvider.System));
                    var result = await planner.HandleAsync(document, AccessScope.Operator, CancellationToken.None);
                    total = result.Value.Total;
                }

                var seconds = watch.Elapsed.TotalSeconds;
                watch.Restart();
                await using (var scope = services.CreateAsyncScope())
                {
                    var roster = new RosterBudgetGroups(scope.ServiceProvider.GetRequiredService<LindungDbContext>(), TimeProvider.System);
                    var (groups, _) = await roster.LoadAsync(new BudgetRosterOptions([ContributionProgram.Jkk], 1, BudgetPayer.Apbd), AccessScope.Operator, CancellationToken.None);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    of which the roster query alone: {watch.Elapsed.TotalSeconds:0.000} s ({groups.Count:N0} agency × wage groups)"));
                }

                watch.Restart();
                peerTotal = await ScalarAsync(settings, sql);
                var peer = watch.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {run + 1}: planner {seconds:0.000} s | plain SQL {peer:0.000} s"));
                best = Math.Min(best, seconds);
                bestPeer = Math.Min(bestPeer, peer);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"budget: {settings.Provider}, best of {args.Runs} | PlanBudget {best:0.000} s | plain SQL sum {bestPeer:0.000} s | ratio planner/SQL = {best / bestPeer:0.00} | total Rp{total:N0} (target ≤ {SecondsTarget:0.0} s)"));
            var failed = false;
            if (total != peerTotal)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MISMATCH: planner Rp{total:N0}, plain SQL Rp{peerTotal:N0}."));
                failed = true;
            }

            if (best > SecondsTarget)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TARGET MISSED: {best:0.000} s > {SecondsTarget:0.0} s."));
                failed = true;
            }

            return failed ? 1 : 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (database is not null)
            {
                await CoverageBench.AdminAsync(postgres!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The same months as one query: every open agency employment × 12 months, each program line rounded
    /// half-up per worker (SQLite's ROUND), the JP wage cap of each month (projected months included,
    /// taken from the same rate book), plus the vulnerable workers at the APBD-paid BPU package.
    /// </summary>
    private static string PeerSql(RateBook book, ContributionMonth from, DateOnly today, bool pg)
    {
        var rates = JpCapProjection.Extend(book, from.AddMonths(11), book.Find(RateParameters.PuJpPlanningGrowth, from)!.Value!.Value);
        var inv = CultureInfo.InvariantCulture;
        var months = new StringBuilder();
        for (var m = 0; m < 12; m++)
        {
            var at = rates.At(from.AddMonths(m));
            months.Append(m == 0 ? string.Empty : ", ").Append(inv, $"({at.Amount(RateParameters.PuJpWageCap)})");
        }

        var first = book.At(from);
        string P(RateParameter p) => first.Percent(p).ToString(inv);
        var bpu = Rupiah.Percent(1_000_000, first.Percent(RateParameters.BpuJkk)) + first.Amount(RateParameters.BpuJkm);
        var min = pg ? "LEAST" : "MIN";
        var day = pg ? $"DATE '{today:yyyy-MM-dd}'" : $"'{today:yyyy-MM-dd}'";
        return $"""
            WITH months(cap) AS (VALUES {months})
            SELECT SUM(ROUND(e.monthly_wage * {P(RateParameters.PuJkk(1))} / 100.0) + ROUND(e.monthly_wage * {P(RateParameters.PuJkm)} / 100.0)
                     + ROUND(e.monthly_wage * {P(RateParameters.PuJhtEmployer)} / 100.0) + ROUND(e.monthly_wage * {P(RateParameters.PuJhtWorker)} / 100.0)
                     + ROUND({min}(e.monthly_wage, months.cap) * {P(RateParameters.PuJpEmployer)} / 100.0) + ROUND({min}(e.monthly_wage, months.cap) * {P(RateParameters.PuJpWorker)} / 100.0))
                   + CAST({bpu} AS BIGINT) * {Vulnerable} * 12
            FROM employments e CROSS JOIN months
            WHERE e.agency_id IS NOT NULL AND e.monthly_wage > 0
              AND e.valid_from <= {day} AND (e.valid_to IS NULL OR e.valid_to > {day})
            """;
    }

    /// <summary>A roster pays its staff on a scale, not one wage: 600 levels from Rp1,500,000 by Rp5,000.</summary>
    private static async Task ExecuteAsync(DatabaseSettings settings, string sql)
    {
        await using var connection = Open(settings);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(DatabaseSettings settings, string sql)
    {
        await using var connection = Open(settings);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static System.Data.Common.DbConnection Open(DatabaseSettings settings) =>
        settings.Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(settings.ConnectionString) : new SqliteConnection(settings.ConnectionString);

}
