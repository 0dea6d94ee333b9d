using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sex = Lindung.Domain.Identifiers.Sex;

namespace Lindung.Bench.Lists;

/// <summary>
/// The workers API at scale (issue #16): a SQLite registry of 200,000+ workers, most of them living
/// or employed in Kota Madiun (35.77), served by the real app on Kestrel to a branch officer of
/// 35.77. It walks the whole list by cursor (every worker in scope exactly once, in name order: the
/// check both sides must pass), times single pages unloaded — the first, keyset pages half-way and
/// near the end, and for contrast the same depth by page number — and then the throughput of
/// <c>GET /api/v1/workers?pageSize=50</c> against <c>GET /healthz</c>, the peer, with the same
/// number of concurrent clients in the same run, interleaved; then the same pages again with the
/// page cache turned off, for what a request costs when every read follows a commit.
/// </summary>
internal static class WorkerListBench
{
    private const string Regency = "35.77";
    private const string Elsewhere = "35.19";
    private const int PageSize = 50;
    private const double PageTargetMs = 50;
    private const double RatioTarget = 0.25;
    private const int Agencies = 30;

    private static readonly string[] Given =
    [
        "Siti", "Sri", "Dewi", "Eko", "Budi", "Agus", "Rina", "Wahyu", "Dwi", "Tri", "Nur", "Ahmad", "Muhammad", "Yusuf", "Indah",
        "Putri", "Ayu", "Rudi", "Hendra", "Joko", "Bambang", "Slamet", "Suparman", "Endang", "Lestari", "Fitri", "Rizky", "Dian",
        "Andi", "Yuli", "Sugeng", "Heru", "Wulan", "Ratna", "Teguh", "Bayu", "Nanik", "Sutrisno", "Mulyani", "Kurniawan",
    ];

    private static readonly string[] Family =
    [
        "Rahayu", "Lestari", "Prasetyo", "Hartono", "Wati", "Susanto", "Wibowo", "Handayani", "Setiawan", "Purnomo", "Santoso",
        "Saputra", "Hidayat", "Kusuma", "Nugroho", "Utami", "Suryani", "Wijaya", "Sari", "Fauzi", "Ningsih", "Pratama", "Wahyuni",
        "Firmansyah", "Gunawan", "Maulana", "Permata", "Anggraini", "Sulistyo", "Haryanto",
    ];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var workers = args.Get("--workers", 220_000);
        var clients = args.Get("--clients", 8);
        var seconds = args.Get("--seconds", 10);
        var samples = args.Get("--samples", 40);
        var folder = Directory.CreateTempSubdirectory("lindung-bench-lists-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            var inScope = Seed(folder, workers, args.Seed);
            Console.Out.Flush();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worker-list: {workers:N0} workers in SQLite, {inScope:N0} of them in {Regency} (living or employed there), {Agencies} agencies; "
                + $"migrated and loaded in {watch.Elapsed.TotalSeconds:N0} s (not timed)"));

            var options = new LindungHostOptions(folder, Urls: "http://127.0.0.1:0", Demo: false, Db: null);
            await using var app = LindungWebApp.Build(options, [], builder => builder.Logging.ClearProviders());
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            using var signedIn = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = clients };
            using var officer = new HttpClient(signedIn) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            // The peer's clients send no cookie: a health probe does not sign in, and a cookie would slow the peer.
            using var anonymous = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = clients };
            using var probe = new HttpClient(anonymous) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            await BenchSignIn.AsAsync(app.Services, officer, LindungRoles.BranchOfficer, [Regency]);

            // The check: the cursor walk meets every worker in scope once, in (name, id) order, and never counts.
            watch.Restart();
            var (cursors, walked) = await WalkAsync(officer);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  walk: {walked:N0} workers in {cursors.Count + 1:N0} pages of 200 by cursor, {watch.Elapsed.TotalSeconds:N1} s, each once and in order"));
            if (walked != inScope)
            {
                Console.Error.WriteLine($"MISMATCH: worker-list: the walk met {walked:N0} workers; {inScope:N0} are in scope.");
                return 1;
            }

            // Cursors from the walk name positions; a page of 50 may start at any of them.
            var half = cursors[cursors.Count / 2];
            var end = cursors[^1];
            var deepPage = (walked / 2 / PageSize) + 1;
            var first = await LatencyAsync(officer, $"/api/v1/workers?pageSize={PageSize}", samples);
            var middle = await LatencyAsync(officer, $"/api/v1/workers?pageSize={PageSize}&after={half}", samples);
            var last = await LatencyAsync(officer, $"/api/v1/workers?pageSize={PageSize}&after={end}", samples);
            var offset = await LatencyAsync(officer, $"/api/v1/workers?pageSize={PageSize}&page={deepPage}", Math.Max(3, samples / 8));
            Console.WriteLine("  latency unloaded, one client (median / p95):");
            Print("first page", first);
            Print("keyset page at 50 %", middle);
            Print("keyset page near the end", last);
            Print(string.Create(CultureInfo.InvariantCulture, $"page={deepPage:N0} (offset, for contrast)"), offset);

            var paths = new List<string> { $"/api/v1/workers?pageSize={PageSize}" };
            paths.AddRange(cursors.Select(c => $"/api/v1/workers?pageSize={PageSize}&after={c}"));
            var bestList = 0.0;
            var bestHealth = 0.0;
            for (var run = 0; run < args.Runs; run++)
            {
                bestHealth = Math.Max(bestHealth, await ThroughputAsync(probe, ["/healthz"], clients, seconds));
                bestList = Math.Max(bestList, await ThroughputAsync(officer, paths, clients, seconds));
            }

            // --also PATH: one more signed-in path's throughput, to see where a request's time goes.
            if (args.Text("--also") is { } also)
            {
                var alsoRate = await ThroughputAsync(officer, [also], clients, seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  also: GET {also} {alsoRate:N0} req/s"));
            }

            await app.StopAsync();

            // The same pages with the page cache off: what each request costs when every read follows a commit.
            var uncached = await UncachedThroughputAsync(folder, paths, clients, seconds, args.Runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  uncached (Workers:ListCacheRows=0): {uncached:N0} req/s, {uncached / bestHealth:0.00} of /healthz"));

            var ratio = bestList / bestHealth;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worker-list: {clients} clients, best of {args.Runs} × {seconds} s | GET /api/v1/workers?pageSize={PageSize} (first and keyset pages) {bestList:N0} req/s "
                + $"| GET /healthz {bestHealth:N0} req/s | ratio workers/healthz = {ratio:0.00} (target ≥ {RatioTarget:0.00})"));

            var failed = false;
            foreach (var (name, timing) in new[] { ("first page", first), ("keyset page at 50 %", middle), ("keyset page near the end", last) })
            {
                if (timing.Median > PageTargetMs)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TARGET MISSED: worker-list {name} {timing.Median:0.0} ms > {PageTargetMs} ms."));
                    failed = true;
                }
            }

            if (ratio < RatioTarget)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TARGET MISSED: worker-list ratio {ratio:0.00} < {RatioTarget:0.00}."));
                failed = true;
            }

            return failed ? 1 : 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> UncachedThroughputAsync(string folder, IReadOnlyList<string> paths, int clients, int seconds, int runs)
    {
        var options = new LindungHostOptions(folder, Urls: "http://127.0.0.1:0", Demo: false, Db: null);
        await using var app = LindungWebApp.Build(options, ["--Workers:ListCacheRows=0"], builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var signedIn = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = clients };
        using var officer = new HttpClient(signedIn) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        await BenchSignIn.AsAsync(app.Services, officer, LindungRoles.BranchOfficer, [Regency]);
        var best = 0.0;
        for (var run = 0; run < runs; run++)
        {
            best = Math.Max(best, await ThroughputAsync(officer, paths, clients, seconds));
        }

        await app.StopAsync();
        return best;
    }

    /// <summary>
    /// Migrates a registry in <paramref name="folder"/> and loads it with prepared inserts: 90 % of the
    /// workers live in 35.77, the rest in 35.19 where a third of them work for a 35.77 agency (in
    /// scope through the job). Names repeat, as real names do, so the id breaks ties. Returns how
    /// many workers a 35.77 officer sees.
    /// </summary>
    private static int Seed(string folder, int workers, int seed)
    {
        var settings = DatabaseSettings.Sqlite(folder);
        using (var services = new ServiceCollection().AddLogging().AddLindungDatabase(settings).BuildServiceProvider())
        {
            services.MigrateLindungDatabaseAsync().GetAwaiter().GetResult();
        }

        var random = new Random(seed);
        var agencies = Enumerable.Range(0, Agencies).Select(_ => NewId(random)).ToArray();
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using (var cache = connection.CreateCommand())
        {
            // Random ids land all over the key index: a larger page cache for the load only.
            cache.CommandText = "PRAGMA cache_size = -262144";
            cache.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using (var insert = Prepared(connection, transaction, "agencies", "id, code, name, kind, region_code"))
        {
            for (var a = 0; a < Agencies; a++)
            {
                Run(insert, G(agencies[a]), $"OPD-{a:00}", $"Dinas {a:00}", EnumCodes<AgencyKind>.ToCode(AgencyKind.Dinas), Regency);
            }
        }

        var inScope = 0;
        var bpjs = EnumCodes<SocialSecurityScheme>.ToCode(SocialSecurityScheme.BpjsTk);
        var honorer = EnumCodes<WorkerCategory>.ToCode(WorkerCategory.Honorer);
        var apbd = EnumCodes<FundingSource>.ToCode(FundingSource.Apbd);
        using var worker = Prepared(connection, transaction, "workers", "id, nik, name, birth_date, sex, region_code, scheme");
        using var job = Prepared(connection, transaction, "employments", "id, worker_id, agency_id, category, monthly_wage, funding_source, valid_from, region_code");
        for (var w = 0; w < workers; w++)
        {
            var id = NewId(random);
            var lives = random.Next(10) < 9 ? Regency : Elsewhere;
            // (birth date, serial) is unique per worker, so the NIK is too.
            var birth = new DateOnly(1960, 1, 1).AddDays(w % 15_000);
            var sex = w % 2 == 0 ? Sex.L : Sex.P;
            var district = $"{lives}.{1 + (w % 3):00}";
            var name = $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}";
            Run(worker, G(id), Domain.Identifiers.Nik.Compose(district, birth, sex, 1 + (w / 15_000)), name,
                birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sex.ToString(), $"{district}.{1001 + (w % 7)}", bpjs);
            var employed = lives == Regency ? random.Next(4) < 3 : random.Next(3) == 0;
            if (employed)
            {
                Run(job, G(NewId(random)), G(id), G(agencies[random.Next(Agencies)]), honorer, 2_500_000L, apbd, "2024-01-01", Regency);
            }

            inScope += lives == Regency || employed ? 1 : 0;
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
        return inScope;
    }

    /// <summary>Every page of 200 by cursor; checks order and uniqueness as it goes and returns the cursors met.</summary>
    private static async Task<(List<string> Cursors, int Walked)> WalkAsync(HttpClient client)
    {
        var cursors = new List<string>();
        var seen = new HashSet<Guid>();
        (string Name, string Id)? previous = null;
        string? after = null;
        do
        {
            var body = await GetJsonAsync(client, "/api/v1/workers?pageSize=200" + (after is null ? string.Empty : "&after=" + after));
            if (body.GetProperty("total").ValueKind != JsonValueKind.Null)
            {
                throw new InvalidOperationException("The workers list counted without being asked to.");
            }

            foreach (var item in body.GetProperty("items").EnumerateArray())
            {
                var current = (item.GetProperty("name").GetString()!, item.GetProperty("id").GetString()!);
                if (!seen.Add(Guid.Parse(current.Item2)))
                {
                    throw new InvalidOperationException($"Worker {current.Item2} came twice.");
                }

                // SQLite compares text byte by byte; upper-case GUID text sorts the same as ordinal here.
                if (previous is { } p && string.CompareOrdinal(p.Name, current.Item1) > 0)
                {
                    throw new InvalidOperationException($"'{current.Item1}' came after '{p.Name}'.");
                }

                previous = current;
            }

            after = body.GetProperty("next").GetString();
            if (after is not null)
            {
                cursors.Add(after);
            }
        }
        while (after is not null);

        return (cursors, seen.Count);
    }

    private static async Task<Timing> LatencyAsync(HttpClient client, string path, int samples)
    {
        for (var warm = 0; warm < 3; warm++)
        {
            await GetAsync(client, path);
        }

        var times = new List<double>(samples);
        for (var s = 0; s < samples; s++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(client, path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new Timing(times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
    }

    /// <summary>Requests per second that <paramref name="clients"/> clients in a loop get through in <paramref name="seconds"/> s, cycling through the paths.</summary>
    private static async Task<double> ThroughputAsync(HttpClient client, IReadOnlyList<string> paths, int clients, int seconds)
    {
        // A short warm-up so connections are open and the first requests' costs are not counted.
        using (var warmUp = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => LoopAsync(client, paths, c, warmUp.Token)));
        }

        GC.Collect();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => LoopAsync(client, paths, c, stop.Token)));
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    private static async Task<int> LoopAsync(HttpClient client, IReadOnlyList<string> paths, int start, CancellationToken stop)
    {
        var done = 0;
        var next = start * 7919;
        while (!stop.IsCancellationRequested)
        {
            await GetAsync(client, paths[next++ % paths.Count]);
            done++;
        }

        return done;
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
    }

    private static void Print(string what, Timing timing) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {what,-34} {timing.Median,7:0.0} / {timing.P95,7:0.0} ms"));

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    // The registry stores a GUID as upper-case text; the loader writes it the same way.
    private static string G(Guid id) => id.ToString().ToUpperInvariant();

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string table, string columns)
    {
        var names = columns.Split(", ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < names.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }


    private readonly record struct Timing(double Median, double P95);
}
