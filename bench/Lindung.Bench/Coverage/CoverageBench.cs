using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lindung.Bench.Import;
using Lindung.Data;
using Lindung.Features.Dashboard;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lindung.Bench.Coverage;

/// <summary>
/// The coverage dashboards at regency scale (issue #5): a registry of 1,000,000 roster workers and
/// 5,000,000 memberships, loaded into a migrated database of each provider; then (a) the report JSON
/// exactly as <c>lindung report coverage --format json</c> builds it and (b) <c>GET /dashboard</c>
/// served by the real app to a signed-in leader, each against DuckDB in memory computing the
/// equivalent GROUP BYs over the same rows. Both sides must report the same totals. The snapshot
/// refresh (what an import or a reconciliation pays to keep the pages this fast) is timed and shown.
/// </summary>
internal static class CoverageBench
{
    private const double Target = 2.0;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var postgres = Environment.GetEnvironmentVariable(ImportBench.PostgresVariable);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine(
                $"{ImportBench.PostgresVariable} is not set: give a connection string to a PostgreSQL server where this user may CREATE DATABASE "
                + "(the job creates and drops its own database), e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres. "
                + "See docs/IMPORT.md for starting a throwaway server.");
            return 2;
        }

        var rosterWorkers = args.Get("--workers", 1_000_000);
        var memberships = args.Get("--memberships", 5_000_000);
        var today = TimeProvider.System.Today();
        var watch = Stopwatch.StartNew();
        var data = CoverageSamples.Generate(rosterWorkers, memberships, args.Seed, today);
        var csv = Directory.CreateTempSubdirectory("lindung-bench-coverage-").FullName;
        try
        {
            data.WriteCsv(csv);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"coverage: {data.RosterWorkers:N0} roster workers + {data.Workers - data.RosterWorkers:N0} other participants, {data.Memberships:N0} memberships, "
                + $"{CoverageSamples.AgencyCount} agencies ({watch.Elapsed.TotalSeconds:N0} s to generate and export)"));
            watch.Restart();
            using var duck = new DuckCoverage(csv);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  DuckDB: tables loaded from CSV in {watch.Elapsed.TotalSeconds:N1} s (not timed)"));

            // --only sqlite|postgres measures one side (the import job has the same switch).
            var only = args.Text("--only");
            var failed = false;
            if (only is null or "sqlite")
            {
                using var sqlite = new TempFolder(keep: Environment.GetEnvironmentVariable("LINDUNG_BENCH_KEEP") is not null);
                failed |= await ProviderAsync("sqlite", DatabaseSettings.Sqlite(sqlite.Path), sqlite.Path, data, duck, args.Runs, s => CoverageLoad.Sqlite(s, data));
            }

            if (only == "sqlite")
            {
                return failed ? 1 : 0;
            }

            var database = "lindung_bench_" + Guid.NewGuid().ToString("N")[..12];
            await AdminAsync(postgres, $"CREATE DATABASE {database}");
            try
            {
                using var folder = new TempFolder();
                var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
                failed |= await ProviderAsync("postgres", new DatabaseSettings(DatabaseProvider.Postgres, connection), folder.Path, data, duck, args.Runs,
                    s => CoverageLoad.PostgresAsync(s, data).GetAwaiter().GetResult());
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

            return failed ? 1 : 0;
        }
        finally
        {
            Directory.Delete(csv, recursive: true);
        }
    }

    private static async Task<bool> ProviderAsync(
        string name, DatabaseSettings settings, string dataDirectory, CoverageSamples data, DuckCoverage duck, int runs, Action<string> bulkLoad)
    {
        var watch = Stopwatch.StartNew();
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
                watch.Restart();
                var taken = await CoverageSnapshots.TakeAsync(db, new DateOnly(data.Today.Year, data.Today.Month, 1), data.Today, replace: true, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name}: snapshot refresh (GROUP BYs in the database, paid after each import/reconciliation/edit burst) {watch.Elapsed.TotalMilliseconds:N0} ms, {taken.Rows:N0} rows"));
            }

            var failed = false;
            var report = await Measure.BestOfAsync(runs, () => ReportTotalsAsync(services, data.Today), () => Task.FromResult(duck.Query(data.Today, CoverageSamples.Regency)));
            failed |= Check($"coverage report-json {name}", data.Memberships, report);
            failed |= await DashboardAsync(name, settings, dataDirectory, data, duck, runs);
            return failed;
        }
    }

    /// <summary>What <c>lindung report coverage --format json</c> does after parsing its options, to a buffer.</summary>
    private static async Task<CoverageTotals> ReportTotalsAsync(IServiceProvider services, DateOnly today)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var report = await CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(), today, CancellationToken.None);
        using var buffer = new MemoryStream();
        await ReportJson.WriteAsync(buffer, report, CancellationToken.None);
        return Totals(report);
    }

    private static CoverageTotals Totals(CoverageReport report) =>
        new(report.Eligible, report.Covered, report.TotalActive, report.BySegment.ToDictionary(s => s.Key, s => (long)s.Value, StringComparer.Ordinal), report.PuEmployers);

    private static async Task<bool> DashboardAsync(string name, DatabaseSettings settings, string dataDirectory, CoverageSamples data, DuckCoverage duck, int runs)
    {
        var options = new LindungHostOptions(dataDirectory, Urls: "http://127.0.0.1:0", Demo: false,
            Db: settings.Provider == DatabaseProvider.Postgres ? settings.ConnectionString : null);
        await using var app = LindungWebApp.Build(options, [], builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        // The whole installation, as DuckDB's side sums every region.
        await BenchSignIn.AsAsync(app.Services, client, LindungRoles.Leader, [], wholeInstallation: true);

        // The page's own totals are compared through the report it renders, built the same way in this process.
        var expected = await ReportTotalsAsync(app.Services, data.Today);
        var page = await Measure.BestOfAsync(runs, () => PageTotalsAsync(client, expected), () => Task.FromResult(duck.Query(data.Today, CoverageSamples.Regency)));
        await app.StopAsync();
        return Check($"coverage dashboard {name}", data.Memberships, page);
    }

    private static async Task<CoverageTotals> PageTotalsAsync(HttpClient client, CoverageTotals expected)
    {
        using var response = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /dashboard answered {(int)response.StatusCode}.");
        }

        // The headline shows the covered count and active participants as the page formats them (Indonesian by default).
        var culture = CultureInfo.GetCultureInfo("id-ID");
        var covered = Headline(html, "covered");
        var active = Headline(html, "active");
        return covered == expected.Covered.ToString("N0", culture) && active == expected.TotalActive.ToString("N0", culture)
            ? expected
            : throw new InvalidOperationException($"/dashboard shows covered {covered}, active {active}; the report says {expected}.");
    }

    private static string? Headline(string html, string id)
    {
        var match = Regex.Match(html, $"data-testid=\"{id}\">([^<]*)<", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool Check(string job, int rows, (TimeSpan Ours, TimeSpan Peer, CoverageTotals Ours_, CoverageTotals Peer_) result)
    {
        Console.WriteLine($"    Lindung: {result.Ours_}");
        Console.WriteLine($"    DuckDB:  {result.Peer_}");
        if (!result.Ours_.SameAs(result.Peer_))
        {
            Console.Error.WriteLine($"MISMATCH: {job}: Lindung and DuckDB disagree.");
            return true;
        }

        Measure.Report(job, rows, result.Ours, "DuckDB", result.Peer);
        var ratio = result.Ours.TotalSeconds / result.Peer.TotalSeconds;
        if (ratio <= Target)
        {
            return false;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TARGET MISSED: {job} ratio {ratio:0.00}x > {Target:0.0}x."));
        return true;
    }

    public static async Task AdminAsync(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }


    /// <summary>A scratch folder, deleted afterwards unless kept to look into (LINDUNG_BENCH_KEEP set).</summary>
    private sealed class TempFolder(bool keep = false) : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("lindung-bench-").FullName;

        public void Dispose()
        {
            if (keep)
            {
                Console.WriteLine($"  kept {Path}");
                return;
            }

            Directory.Delete(Path, recursive: true);
        }
    }
}
