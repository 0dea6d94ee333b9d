using System.Diagnostics;
using System.Globalization;
using System.Net;
using Lindung.Bench.Coverage;
using Lindung.Bench.Import;
using Lindung.Data;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Dashboard;
using Lindung.Features.Reconciliation;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lindung.Bench.Pages;

/// <summary>
/// Every page and API a regional admin opens, at the scale issue #11 asks to hold: one region with
/// 1,000,000 roster workers and 5,000,000 memberships, one agency of 150,000 workers, a review
/// queue of 10,000 pairs. The registry is loaded in bulk (not timed), reconciled by the real runner
/// (timed for information), and then each path is requested by one signed-in client: two warm-ups,
/// then samples whose p95 is printed beside its target (a page 1.0 s, an API 0.5 s). The peer is
/// the target itself; <c>GET /healthz</c> is printed as the floor of a request in the same run.
/// </summary>
internal static class PagesBench
{
    private const double PageTargetMs = 1000;
    private const double ApiTargetMs = 500;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rosterWorkers = args.Get("--workers", 1_000_000);
        var memberships = args.Get("--memberships", 5_000_000);
        var big = args.Get("--big", 150_000);
        var reviews = args.Get("--reviews", 10_000);
        var samples = args.Get("--samples", 20);
        var watch = Stopwatch.StartNew();
        var data = CoverageSamples.Generate(rosterWorkers, memberships, args.Seed, TimeProvider.System.Today(), bigAgencyWorkers: big);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pages: {data.RosterWorkers:N0} roster workers in {CoverageSamples.AgencyCount} agencies (OPD-00 holds {big:N0}+), "
            + $"{data.Workers - data.RosterWorkers:N0} other participants, {data.Memberships:N0} memberships, a review queue of {reviews:N0} "
            + $"({watch.Elapsed.TotalSeconds:N0} s to generate)"));

        var only = args.Text("--only");
        var failed = false;
        if (only is null or "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("lindung-bench-pages-").FullName;
            try
            {
                failed |= await ProviderAsync("sqlite", DatabaseSettings.Sqlite(folder), folder, data, reviews, samples, s => CoverageLoad.Sqlite(s, data));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (args.Raw.Contains("--keep"))
                {
                    Console.WriteLine($"  sqlite: kept {folder}");
                }
                else
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        var postgres = Environment.GetEnvironmentVariable(ImportBench.PostgresVariable);
        if (only is "sqlite" || (only is null && string.IsNullOrWhiteSpace(postgres)))
        {
            if (only is null)
            {
                Console.WriteLine($"  postgres: skipped ({ImportBench.PostgresVariable} is not set)");
            }

            return failed ? 1 : 0;
        }

        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine($"{ImportBench.PostgresVariable} is not set: give a connection string to a PostgreSQL server where this user may CREATE DATABASE.");
            return 2;
        }

        var database = "lindung_bench_" + Guid.NewGuid().ToString("N")[..12];
        await CoverageBench.AdminAsync(postgres, $"CREATE DATABASE {database}");
        var pgFolder = Directory.CreateTempSubdirectory("lindung-bench-pages-").FullName;
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
            failed |= await ProviderAsync("postgres", new DatabaseSettings(DatabaseProvider.Postgres, connection), pgFolder, data, reviews, samples,
                s => CoverageLoad.PostgresAsync(s, data).GetAwaiter().GetResult());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (args.Raw.Contains("--keep"))
            {
                // For profiling the pages' statements by hand afterwards; drop it when done.
                Console.WriteLine($"  postgres: kept database {database}");
            }
            else
            {
                await CoverageBench.AdminAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

            Directory.Delete(pgFolder, recursive: true);
        }

        return failed ? 1 : 0;
    }

    private static async Task<bool> ProviderAsync(
        string name, DatabaseSettings settings, string dataDirectory, CoverageSamples data, int reviews, int samples, Action<string> bulkLoad)
    {
        var watch = Stopwatch.StartNew();
        Guid runId;
        await using (var services = new ServiceCollection().AddLogging().AddLindungDatabase(settings).BuildServiceProvider())
        {
            await services.MigrateLindungDatabaseAsync();
            await using (var scope = services.CreateAsyncScope())
            {
                await CoverageLoad.AgenciesAsync(scope.ServiceProvider.GetRequiredService<LindungDbContext>(), data);
            }

            bulkLoad(settings.ConnectionString);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: migrated and loaded in {watch.Elapsed.TotalSeconds:N0} s (not timed)"));

            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
                watch.Restart();
                var run = await ReconciliationRunner.RunAsync(db, CoverageSamples.Regency, null, "bench", Lindung.Features.Contributions.RateBookLoader.BuiltIn(), TimeProvider.System, CancellationToken.None);
                runId = run.Id;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name}: reconciliation of the region by the real runner {watch.Elapsed.TotalSeconds:N0} s ({run.RosterRows:N0} rows; for information)"));
                await QueueReviewsAsync(db, run.Id, reviews);
                await CoverageSnapshots.TakeAsync(db, new DateOnly(data.Today.Year, data.Today.Month, 1), data.Today, replace: true, CancellationToken.None);
            }
        }

        var options = new LindungHostOptions(dataDirectory, Urls: "http://127.0.0.1:0", Demo: false,
            Db: settings.Provider == DatabaseProvider.Postgres ? settings.ConnectionString : null);
        await using var app = LindungWebApp.Build(options, [], builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        await BenchSignIn.AsAsync(app.Services, client, LindungRoles.RegionalAdmin, [CoverageSamples.Regency]);

        var agency = data.AgencyIds[0];
        var worker = CoverageSamples.WorkerId(0);
        Console.WriteLine($"  {name}: p50 / p95 of {samples} requests by one regional admin of {CoverageSamples.Regency} (bytes of the last answer)");
        var floor = await TimeAsync(client, "/healthz", samples);
        Print("GET /healthz (floor)", floor, null);
        var failed = false;
        foreach (var (path, target) in Paths(agency, worker, runId, data.Villages[0]))
        {
            Timing timing;
            try
            {
                timing = await TimeAsync(client, path, samples);
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"FAILED: pages {name} {path}: {e.Message}");
                failed = true;
                continue;
            }

            var missed = timing.P95 > target;
            Print("GET " + path, timing, target);
            if (missed)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TARGET MISSED: pages {name} {path} p95 {timing.P95:N0} ms > {target:N0} ms."));
                failed = true;
            }
        }

        await app.StopAsync();
        return failed;
    }

    /// <summary>Each page and API with the fixture ids of the big agency, its first worker and the run; page targets for pages, API targets for /api.</summary>
    private static IEnumerable<(string Path, double Target)> Paths(Guid agency, Guid worker, Guid run, string village)
    {
        string[] pages =
        [
            "/", "/dashboard", $"/dashboard/agencies/{agency}", "/dashboard/regions", "/dashboard/segments", "/dashboard/branches",
            "/agencies", $"/agencies/{agency}", "/workers", $"/workers/{worker}", "/employers",
            "/reconciliation", $"/reconciliation/gaps/{agency}", "/reconciliation/review",
            "/imports", "/audit", "/admin/users", "/admin/targets", "/contracts", "/licensing",
            "/actions", "/villages", $"/villages/{village}", "/groups", "/sponsors", "/leads", "/budget",
            "/enforcement", "/enforcement?candidates=true", "/claims", "/tickets", "/admin/agencies", "/admin/branches", "/admin/coverage-settings",
            "/admin/enforcement-settings", "/admin/licence-rules",
        ];
        string[] apis =
        [
            "/api/v1/agencies", $"/api/v1/agencies/{agency}", "/api/v1/workers?pageSize=50", $"/api/v1/workers/{worker}",
            $"/api/v1/workers/{worker}/employments", $"/api/v1/workers/{worker}/memberships", "/api/v1/employers",
            "/api/v1/reconciliation/runs", $"/api/v1/reconciliation/runs/{run}", "/api/v1/reconciliation/reviews",
            $"/api/v1/reconciliation/gaps/{agency}", "/api/v1/imports", "/api/v1/audit-events", "/api/v1/contracts",
            $"/api/v1/reports/coverage?region={CoverageSamples.Regency}", "/api/v1/actions", "/api/v1/villages",
            $"/api/v1/villages/{village}", "/api/v1/enforcement/cases", "/api/v1/enforcement/candidates", "/api/v1/claims", "/api/v1/tickets",
        ];
        return pages.Select(p => (p, PageTargetMs)).Concat(apis.Select(a => (a, ApiTargetMs)));
    }

    /// <summary>
    /// Turns the first <paramref name="count"/> unmatched rows of the run into review pairs, each with
    /// a member as candidate: the generator's names and NIKs never collide, so a real run leaves
    /// almost none, and the queue's size is what the pages must hold.
    /// </summary>
    private static async Task QueueReviewsAsync(LindungDbContext db, Guid runId, int count)
    {
        var rows = await db.ReconciliationResults
            .Where(r => r.RunId == runId && r.Outcome == ReconcileOutcome.NotRegistered)
            .OrderBy(r => r.Id)
            .Take(count)
            .ToListAsync();
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Outcome = ReconcileOutcome.NeedsReview;
            rows[i].Candidates = ReviewCandidates.Format([new ReviewCandidate(CoverageSamples.Kpj(i * 7), 0.9, MatchMethod.NameDob)]);
        }

        var run = await db.ReconciliationRuns.SingleAsync(r => r.Id == runId);
        run.NotRegistered -= rows.Count;
        run.NeedsReview += rows.Count;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static async Task<Timing> TimeAsync(HttpClient client, string path, int samples)
    {
        var bytes = 0L;
        for (var warm = 0; warm < 2; warm++)
        {
            bytes = await GetAsync(client, path);
        }

        var times = new List<double>(samples);
        for (var s = 0; s < samples; s++)
        {
            var watch = Stopwatch.StartNew();
            bytes = await GetAsync(client, path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new Timing(times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)], bytes);
    }

    private static async Task<long> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? body.LongLength
            : throw new InvalidOperationException($"answered {(int)response.StatusCode}");
    }

    private static void Print(string what, Timing timing, double? target) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {what,-58} {timing.Median,8:N1} / {timing.P95,8:N1} ms {(target is { } t ? $"(target {t:N0}){(timing.P95 > t ? " MISSED" : string.Empty)}" : string.Empty),-22} {timing.Bytes,10:N0} B"));

    private readonly record struct Timing(double Median, double P95, long Bytes);
}
