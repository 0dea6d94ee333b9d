using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Lindung.Bench.Coverage;
using Lindung.Bench.Import;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Features.ApiKeys;
using Lindung.Features.Compliance;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lindung.Bench.Compliance;

/// <summary>
/// The compliance GET at regency scale (issue #13): the coverage job's registry (1,000,000 roster
/// workers, 5,000,000 memberships over 5,000 employer NPPs) plus the 5,000 employers themselves
/// (NPP, NIB, NPWP), served by the real app on Kestrel to a LicensingOfficer API key of 35.19.
/// N clients ask <c>GET /api/v1/compliance/employers/{npp|nib|npwp}</c> over a mix of known and
/// unknown identifiers; the same clients then ask <c>GET /healthz</c>, the peer, in the same run,
/// interleaved. The check: every known NPP's active PU count equals the generator's, unknown
/// identifiers are TIDAK_TERDAFTAR, and after a graceful stop the audit holds one row per answer.
/// </summary>
internal static class ComplianceBench
{
    private const string KeyRegion = CoverageSamples.Regency;
    private const double RatioTarget = 0.75;
    private const double P99TargetMs = 5;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var workers = args.Get("--workers", 1_000_000);
        var memberships = args.Get("--memberships", 5_000_000);
        var clients = args.Get("--clients", 8);
        var seconds = args.Get("--seconds", 5);
        var today = TimeProvider.System.Today();
        var watch = Stopwatch.StartNew();
        var data = CoverageSamples.Generate(workers, memberships, args.Seed, today);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compliance: {data.RosterWorkers:N0} roster workers + {data.Workers - data.RosterWorkers:N0} other participants, {data.Memberships:N0} memberships, "
            + $"{CoverageSamples.EmployerCount:N0} employers ({watch.Elapsed.TotalSeconds:N0} s to generate)"));

        var postgres = Environment.GetEnvironmentVariable(ImportBench.PostgresVariable);
        var folder = Directory.CreateTempSubdirectory("lindung-bench-compliance-").FullName;
        string? database = null;
        try
        {
            DatabaseSettings settings;
            Action<string> bulk;
            if (string.IsNullOrWhiteSpace(postgres))
            {
                settings = DatabaseSettings.Sqlite(folder);
                bulk = s => CoverageLoad.Sqlite(s, data);
            }
            else
            {
                database = "lindung_bench_" + Guid.NewGuid().ToString("N")[..12];
                await CoverageBench.AdminAsync(postgres, $"CREATE DATABASE {database}");
                settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString());
                bulk = s => CoverageLoad.PostgresAsync(s, data).GetAwaiter().GetResult();
            }

            watch.Restart();
            var key = await LoadAsync(settings, data, bulk);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {settings.Provider}: migrated and loaded in {watch.Elapsed.TotalSeconds:N0} s (not timed); key: LicensingOfficer of {KeyRegion}"));
            return await MeasureAsync(settings, folder, data, key, args.Runs, clients, seconds);
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

    private static async Task<int> MeasureAsync(DatabaseSettings settings, string folder, CoverageSamples data, string key, int runs, int clients, int seconds)
    {
        var options = new LindungHostOptions(folder, Urls: "http://127.0.0.1:0", Demo: false,
            Db: settings.Provider == DatabaseProvider.Postgres ? settings.ConnectionString : null);
        var app = LindungWebApp.Build(options, [], builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var keyed = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = clients };
        using var system = new HttpClient(keyed) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        system.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var anonymous = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = clients };
        using var probe = new HttpClient(anonymous) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };

        var paths = Identifiers(data).Select(i => "/api/v1/compliance/employers/" + i).ToList();
        var answered = await CheckAnswersAsync(system, data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  check: {answered:N0} answers agree with the generator (active PU members of known NPPs, unknown identifiers TIDAK_TERDAFTAR)"));

        var single = await LoadLoopAsync(system, paths, 1, seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one client: compliance {single.Rate:N0} req/s, p50 {single.P50:0.00} ms, p99 {single.P99:0.00} ms"));
        var best = default(Load);
        var bestHealth = default(Load);
        var sent = single.Count + single.WarmUp + answered;
        for (var run = 0; run < runs; run++)
        {
            var health = await LoadLoopAsync(probe, ["/healthz"], clients, seconds);
            var compliance = await LoadLoopAsync(system, paths, clients, seconds);
            sent += compliance.Count + compliance.WarmUp;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run + 1}: compliance {compliance.Rate:N0} req/s (p50 {compliance.P50:0.00}, p99 {compliance.P99:0.00} ms; {compliance.CpuMicroseconds:N0} µs of CPU and {compliance.AllocatedBytes:N0} B allocated a request, clients included; GC paused {compliance.GcPausedMs:N0} ms) | /healthz {health.Rate:N0} req/s (p50 {health.P50:0.00}, p99 {health.P99:0.00} ms; {health.CpuMicroseconds:N0} µs, {health.AllocatedBytes:N0} B; GC paused {health.GcPausedMs:N0} ms)"));
            best = compliance.Rate > best.Rate ? compliance : best;
            bestHealth = health.Rate > bestHealth.Rate ? health : bestHealth;
        }

        // A graceful stop flushes the audit: every answered check must be there.
        await app.StopAsync();
        await app.DisposeAsync();

        // The same checks with every answer computed (no answer kept between commits): what a
        // check of a firm costs the first time after an import.
        var uncached = await UncachedAsync(options, key, paths, clients, seconds, runs);
        sent += uncached.Count + uncached.WarmUp;
        var audited = await CountAuditAsync(settings);
        var ratio = best.Rate / bestHealth.Rate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compliance: {settings.Provider}, {clients} clients, best of {runs} × {seconds} s | GET /api/v1/compliance/employers/{{id}} {best.Rate:N0} req/s, p50 {best.P50:0.00} ms, p99 {best.P99:0.00} ms "
            + $"| GET /healthz {bestHealth.Rate:N0} req/s, p50 {bestHealth.P50:0.00} ms, p99 {bestHealth.P99:0.00} ms | ratio compliance/healthz = {ratio:0.00} (target ≥ {RatioTarget:0.00}, p99 ≤ {P99TargetMs} ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  uncached (Compliance:CacheEntries=0): {uncached.Rate:N0} req/s, p50 {uncached.P50:0.00} ms, p99 {uncached.P99:0.00} ms, {uncached.Rate / bestHealth.Rate:0.00} of /healthz"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  audit: {audited:N0} compliance checks audited after the graceful stops, {sent:N0} answered"));

        var failed = false;
        if (audited != sent)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MISMATCH: compliance audit holds {audited:N0} checks; {sent:N0} were answered."));
            failed = true;
        }

        if (ratio < RatioTarget)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TARGET MISSED: compliance ratio {ratio:0.00} < {RatioTarget:0.00}."));
            failed = true;
        }

        if (best.P99 > P99TargetMs)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TARGET MISSED: compliance p99 {best.P99:0.00} ms > {P99TargetMs} ms with {clients} clients."));
            failed = true;
        }

        return failed ? 1 : 0;
    }

    /// <summary>The compliance load on a second app over the same database with the answer cache off; the best of <paramref name="runs"/>.</summary>
    private static async Task<Load> UncachedAsync(LindungHostOptions options, string key, IReadOnlyList<string> paths, int clients, int seconds, int runs)
    {
        var app = LindungWebApp.Build(options, ["--Compliance:CacheEntries=0"], builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var keyed = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = clients };
        using var system = new HttpClient(keyed) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        system.DefaultRequestHeaders.Add("X-Api-Key", key);
        var best = default(Load);
        var sent = 0L;
        for (var run = 0; run < runs; run++)
        {
            var load = await LoadLoopAsync(system, paths, clients, seconds);
            sent += load.Count + load.WarmUp;
            best = load.Rate > best.Rate ? load : best;
        }

        await app.StopAsync();
        await app.DisposeAsync();
        // Every request of every run is audited: the caller counts them all.
        return best with { Count = sent, WarmUp = 0 };
    }

    /// <summary>Migrates, bulk-loads the registry, adds the employers and issues the key; returns the key.</summary>
    private static async Task<string> LoadAsync(DatabaseSettings settings, CoverageSamples data, Action<string> bulk)
    {
        await using var services = new ServiceCollection().AddLogging().AddLindungDatabase(settings).BuildServiceProvider();
        await services.MigrateLindungDatabaseAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            await CoverageLoad.AgenciesAsync(scope.ServiceProvider.GetRequiredService<LindungDbContext>(), data);
        }

        bulk(settings.ConnectionString);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var sizes = Enum.GetValues<BusinessSize>();
            for (var e = 0; e < CoverageSamples.EmployerCount; e++)
            {
                db.Employers.Add(new Employer
                {
                    Name = $"PT Contoh {e:0000}",
                    Npp = CoverageSamples.Npp(CoverageSamples.AgencyCount + e),
                    Nib = Nib(e),
                    Npwp = Npwp(e),
                    BusinessSize = sizes[e % sizes.Length],
                    RegionCode = InCity(e) ? CoverageSamples.City : CoverageSamples.Regency,
                });
            }

            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var request = new NewApiKey("Bench OSS", LindungRoles.LicensingOfficer, null, KeyRegion);
            var (issued, errors) = await IssueApiKey.CreateAsync(db, db.Agencies, null, request, "bench", DateTime.UtcNow, CancellationToken.None);
            return issued?.Key ?? throw new InvalidOperationException("No key: " + string.Join(", ", errors.Keys));
        }
    }

    // One employer in five is registered in the city, outside the key's region.
    private static bool InCity(int employer) => employer % 5 == 4;

    private static string Nib(int employer) => string.Create(CultureInfo.InvariantCulture, $"81{employer:D11}");

    private static string Npwp(int employer) => string.Create(CultureInfo.InvariantCulture, $"01{employer:D14}");

    /// <summary>
    /// The identifiers asked, in a fixed shuffled order: NPP, NIB and NPWP in equal parts, four in
    /// five of a known employer (some outside the key's region) and one in five unknown.
    /// </summary>
    private static List<string> Identifiers(CoverageSamples data)
    {
        var random = new Random(17);
        var list = new List<string>();
        for (var i = 0; i < 3_000; i++)
        {
            var e = random.Next(CoverageSamples.EmployerCount);
            var known = random.Next(5) != 0;
            list.Add((i % 3, known) switch
            {
                (0, true) => CoverageSamples.Npp(CoverageSamples.AgencyCount + e),
                (1, true) => Nib(e),
                (2, true) => Npwp(e),
                (0, false) => string.Create(CultureInfo.InvariantCulture, $"{40_000_000 + e}"),
                (1, false) => string.Create(CultureInfo.InvariantCulture, $"82{e:D11}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"02{e:D14}"),
            });
        }

        return list;
    }

    /// <summary>Asks about a sample of employers and compares each answer with the generator's ground truth.</summary>
    private static async Task<int> CheckAnswersAsync(HttpClient client, CoverageSamples data)
    {
        var active = new int[CoverageSamples.AgencyCount + CoverageSamples.EmployerCount];
        for (var m = 0; m < data.Memberships; m++)
        {
            if (data.MemberNpp[m] >= 0 && data.MemberSegment[m] == 0 && data.MemberActive[m] && data.MemberTo[m] == 0 && data.MemberRegion(m) == KeyRegion)
            {
                active[data.MemberNpp[m]]++;
            }
        }

        var asked = 0;
        for (var e = 0; e < CoverageSamples.EmployerCount; e += 97)
        {
            var npp = CoverageSamples.Npp(CoverageSamples.AgencyCount + e);
            var byNpp = await GetJsonAsync(client, "/api/v1/compliance/employers/" + npp);
            Expect(byNpp.GetProperty("active_members").GetInt32() == active[CoverageSamples.AgencyCount + e], $"NPP {npp}: active members {byNpp.GetProperty("active_members")}, expected {active[CoverageSamples.AgencyCount + e]}");
            var byNib = await GetJsonAsync(client, "/api/v1/compliance/employers/" + Nib(e));
            var byNpwp = await GetJsonAsync(client, "/api/v1/compliance/employers/" + Npwp(e));
            foreach (var answer in new[] { byNib, byNpwp })
            {
                var inScope = !InCity(e);
                Expect(answer.GetProperty("employer").ValueKind == (inScope ? JsonValueKind.Object : JsonValueKind.Null), $"employer {e}: found {answer.GetProperty("employer").ValueKind}");
                Expect(!inScope || answer.GetProperty("active_members").GetInt32() == active[CoverageSamples.AgencyCount + e], $"employer {e}: active members {answer.GetProperty("active_members")}");
            }

            var unknown = await GetJsonAsync(client, "/api/v1/compliance/employers/" + string.Create(CultureInfo.InvariantCulture, $"82{e:D11}"));
            Expect(unknown.GetProperty("status").GetString() == "TIDAK_TERDAFTAR", $"unknown NIB: {unknown.GetProperty("status")}");
            asked += 4;
        }

        return asked;
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("MISMATCH: compliance " + message);
        }
    }

    private static async Task<long> CountAuditAsync(DatabaseSettings settings)
    {
        await using var services = new ServiceCollection().AddLogging().AddLindungDatabase(settings).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        return await db.AuditEvents.LongCountAsync(e => e.EntityType == ComplianceAudit.EntityType);
    }

    /// <summary>Requests per second and latency percentiles of <paramref name="clients"/> clients in a loop for <paramref name="seconds"/> s.</summary>
    private static async Task<Load> LoadLoopAsync(HttpClient client, IReadOnlyList<string> paths, int clients, int seconds)
    {
        // A short warm-up so connections are open and the first requests' costs are not counted.
        long warm;
        using (var warmUp = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            warm = (await Task.WhenAll(Enumerable.Range(0, clients).Select(c => LoopAsync(client, paths, c, warmUp.Token)))).Sum(l => (long)l.Count);
        }

        GC.Collect();
        var pausedBefore = GC.GetTotalPauseDuration();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var watch = Stopwatch.StartNew();
        var lists = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => LoopAsync(client, paths, c, stop.Token)));
        var elapsed = watch.Elapsed.TotalSeconds;
        // The process's garbage-collection pauses (both sides and the clients): every request waits them out.
        var paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var all = lists.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new Load(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, warm, paused, cpu * 1e6 / all.Length, allocated / all.Length);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * p) - 1)];

    private static async Task<List<double>> LoopAsync(HttpClient client, IReadOnlyList<string> paths, int start, CancellationToken stop)
    {
        var times = new List<double>(50_000);
        var next = start * 7919;
        while (!stop.IsCancellationRequested)
        {
            var begun = Stopwatch.GetTimestamp();
            // Not the stop token: the request under way finishes and is counted.
            using var response = await client.GetAsync(new Uri(paths[next++ % paths.Count], UriKind.Relative), HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {paths[(next - 1) % paths.Count]} answered {(int)response.StatusCode}.");
            }

            times.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
        }

        return times;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
    }


    private readonly record struct Load(double Rate, double P50, double P99, long Count, long WarmUp, double GcPausedMs, double CpuMicroseconds, long AllocatedBytes);
}
