using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lindung.Bench.Import;

/// <summary>
/// The validated roster import (the <see cref="IImportRunner"/> the CLI and web jobs call) against
/// each database's own bulk CSV load of the same file: PostgreSQL <c>COPY … FROM STDIN (FORMAT csv)</c>
/// and DuckDB <c>read_csv</c>. Every measurement gets a fresh database; only the load is timed
/// (migrating the registry and seeding the agency happen before the clock starts).
/// </summary>
internal static class ImportBench
{
    public const string PostgresVariable = "LINDUNG_BENCH_PG";

    /// <summary>The effective date of every load: the import's and the floor's employments start on it.</summary>
    private static readonly DateOnly Day = new(2026, 11, 1);

    // What the peers load: the file's 8 columns, typed.
    private const string PeerColumns =
        "nik text, nama text, tanggal_lahir date, jenis_kelamin text, kode_wilayah text, instansi text, kategori text, upah bigint";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine(
                $"{PostgresVariable} is not set: give a connection string to a PostgreSQL server where this user may CREATE DATABASE "
                + "(each measurement creates and drops its own database), e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres. "
                + "See docs/IMPORT.md for starting a throwaway server.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var file = ImportSamples.Write(args.WorkDirectory, args.Rows, args.Seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import: {args.Rows:N0}-row roster, {new FileInfo(file).Length / 1e6:N0} MB ({watch.Elapsed.TotalSeconds:N0} s to generate or reuse)"));

        // --only postgres|sqlite measures one side, to iterate on one provider.
        var only = args.Text("--only");
        var failed = false;
        if (only is null or "postgres")
        {
            var pg = await BestOfAsync(
                args.Runs, () => LindungPostgresAsync(postgres, file), () => FloorPostgresAsync(postgres, file), () => CopyPostgresAsync(postgres, file), args.Rows);
            failed |= Report("import postgres", args.Rows, pg, "PG COPY", 1.2);
        }

        if (only is null or "sqlite")
        {
            var lite = await BestOfAsync(args.Runs, () => LindungSqliteAsync(file), () => FloorSqliteAsync(file), () => DuckDbAsync(file), args.Rows);
            failed |= Report("import sqlite", args.Rows, lite, "DuckDB", 2.5);
        }

        return failed ? 1 : 0;
    }

    private static async Task<(TimeSpan Ours, TimeSpan Floor, TimeSpan Peer)> BestOfAsync(
        int runs,
        Func<Task<(TimeSpan Elapsed, long Rows)>> ours,
        Func<Task<(TimeSpan Elapsed, long Rows)>> floor,
        Func<Task<(TimeSpan Elapsed, long Rows)>> peer,
        int expected)
    {
        var best = (Ours: TimeSpan.MaxValue, Floor: TimeSpan.MaxValue, Peer: TimeSpan.MaxValue);
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var (oursTime, oursRows) = await ours();
            GC.Collect();
            var (floorTime, floorRows) = await floor();
            GC.Collect();
            var (peerTime, peerRows) = await peer();
            if (oursRows != expected || floorRows != expected || peerRows != expected)
            {
                throw new InvalidOperationException(
                    $"Row count mismatch: expected {expected:N0}, Lindung {oursRows:N0}, registry floor {floorRows:N0}, peer {peerRows:N0}.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run + 1}: Lindung {oursTime.TotalSeconds:N1} s, registry floor {floorTime.TotalSeconds:N1} s, peer {peerTime.TotalSeconds:N1} s"));
            best = (Min(oursTime, best.Ours), Min(floorTime, best.Floor), Min(peerTime, best.Peer));
        }

        return best;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static bool Report(string job, int rows, (TimeSpan Ours, TimeSpan Floor, TimeSpan Peer) best, string peer, double target)
    {
        Measure.Report(job, rows, best.Ours, peer, best.Peer);
        // What the registry's own constraints cost (floor against the peer) and what the import adds on top (Lindung against the floor).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{job} floor: {rows:N0} rows | registry floor {best.Floor.TotalMilliseconds:N0} ms ({rows / best.Floor.TotalSeconds:N0} rows/s) | {peer} {best.Peer.TotalMilliseconds:N0} ms | ratio floor/{peer} = {best.Floor / best.Peer:0.00}x | ratio Lindung/floor = {best.Ours / best.Floor:0.00}x"));
        var ratio = best.Ours.TotalSeconds / best.Peer.TotalSeconds;
        if (ratio <= target)
        {
            return false;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TARGET MISSED: {job} ratio {ratio:0.00}x > {target:0.0}x."));
        return true;
    }

    private static async Task<(TimeSpan, long)> LindungPostgresAsync(string server, string file)
    {
        await using var database = await FreshPostgresAsync(server);
        using var data = new BenchDirectory();
        return await LindungAsync(new DatabaseSettings(DatabaseProvider.Postgres, database.ConnectionString), data.Path, file);
    }

    private static async Task<(TimeSpan, long)> LindungSqliteAsync(string file)
    {
        using var data = new BenchDirectory();
        return await LindungAsync(DatabaseSettings.Sqlite(data.Path), data.Path, file);
    }

    private static async Task<(TimeSpan, long)> FloorPostgresAsync(string server, string file)
    {
        await using var database = await FreshPostgresAsync(server);
        using var data = new BenchDirectory();
        return await FloorAsync(new DatabaseSettings(DatabaseProvider.Postgres, database.ConnectionString), data.Path, file);
    }

    private static async Task<(TimeSpan, long)> FloorSqliteAsync(string file)
    {
        using var data = new BenchDirectory();
        return await FloorAsync(DatabaseSettings.Sqlite(data.Path), data.Path, file);
    }

    private static async Task<(TimeSpan, long)> FloorAsync(DatabaseSettings settings, string dataDirectory, string file)
    {
        await using var services = await RegistryAsync(settings, dataDirectory);
        var agency = await SampleAgencyAsync(services);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (elapsed, rows) = await RegistryFloor.RunAsync(services, agency.Id, agency.RegionCode, file, Day);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    registry floor {settings}: {elapsed.TotalSeconds:N1} s; process CPU {cpu.TotalSeconds:N1} s"));
        return (elapsed, rows);
    }

    /// <summary>A migrated registry with the sample agency, set up before any clock starts.</summary>
    private static async Task<ServiceProvider> RegistryAsync(DatabaseSettings settings, string dataDirectory)
    {
        var services = new ServiceCollection().AddLogging().AddLindungDatabase(settings).AddLindungImports(dataDirectory).BuildServiceProvider();
        await services.MigrateLindungDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        db.Agencies.Add(new Agency { Code = ImportSamples.AgencyCode, Name = ImportSamples.AgencyName, Kind = AgencyKind.Dinas, RegionCode = ImportSamples.Region });
        await db.SaveChangesAsync();
        return services;
    }

    private static async Task<Agency> SampleAgencyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Agencies.AsNoTracking().SingleAsync(a => a.Code == ImportSamples.AgencyCode);
    }

    private static async Task<(TimeSpan, long)> LindungAsync(DatabaseSettings settings, string dataDirectory, string file)
    {
        await using var services = await RegistryAsync(settings, dataDirectory);
        await using var run = services.CreateAsyncScope();
        var runner = run.ServiceProvider.GetRequiredService<IImportRunner>();
        var request = new ImportRequest(
            ImportKind.Roster, file, Path.GetFileName(file), ImportSamples.AgencyCode, Sheet: null, CommitMode.AllOrNothing,
            EffectiveDate: Day, ReportPath: Path.Combine(dataDirectory, "report.csv"));
        var phases = new PhaseClock();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var outcome = await runner.RunAsync(request, phases, CancellationToken.None);
        var elapsed = watch.Elapsed;
        // CPU of this process only (the database server's is not in it): on a shared machine wall time swings, this less.
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    Lindung {settings}: {phases.Describe(elapsed)}; process CPU {cpu.TotalSeconds:N1} s"));
        if (!outcome.Committed)
        {
            throw new InvalidOperationException($"The import was not committed: {outcome.RowsInvalid:N0} invalid rows, first {(outcome.FirstIssues.Count > 0 ? outcome.FirstIssues[0] : null)}.");
        }

        return (elapsed, outcome.Inserted);
    }

    private static async Task<(TimeSpan, long)> CopyPostgresAsync(string server, string file)
    {
        await using var database = await FreshPostgresAsync(server);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE TABLE roster ({PeerColumns})", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginTextImportAsync("COPY roster FROM STDIN (FORMAT csv, HEADER)"))
        using (var reader = new StreamReader(file))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                await copy.WriteAsync(buffer.AsMemory(0, read));
            }
        }

        var elapsed = watch.Elapsed;
        await using var count = new NpgsqlCommand("SELECT count(*) FROM roster", connection);
        return (elapsed, (long)(await count.ExecuteScalarAsync())!);
    }

    private static Task<(TimeSpan, long)> DuckDbAsync(string file)
    {
        using var data = new BenchDirectory();
        using var duck = new DuckDBConnection($"DataSource={Path.Combine(data.Path, "roster.duckdb")}");
        duck.Open();
        var watch = Stopwatch.StartNew();
        using (var load = duck.CreateCommand())
        {
            load.CommandText = $"CREATE TABLE roster AS SELECT * FROM read_csv('{file.Replace("'", "''", StringComparison.Ordinal)}')";
            load.ExecuteNonQuery();
        }

        var elapsed = watch.Elapsed;
        using var count = duck.CreateCommand();
        count.CommandText = "SELECT count(*) FROM roster";
        return Task.FromResult((elapsed, Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture)));
    }

    private static async Task<BenchDatabase> FreshPostgresAsync(string server)
    {
        var name = "lindung_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new BenchDatabase(server, name);
    }

    /// <summary>A database of its own for one measurement, dropped afterwards.</summary>
    private sealed class BenchDatabase(string server, string name) : IAsyncDisposable
    {
        public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed class BenchDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("lindung-bench-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Seconds spent in each phase the runner reports, to see where the time goes.</summary>
    private sealed class PhaseClock : IProgress<ImportProgress>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly List<(string Phase, TimeSpan At)> _starts = [];

        public void Report(ImportProgress value)
        {
            if (_starts.Count == 0 || _starts[^1].Phase != value.Phase)
            {
                _starts.Add((value.Phase, _watch.Elapsed));
            }
        }

        public string Describe(TimeSpan total) => string.Join(", ", _starts.Select((s, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Phase} {((i + 1 < _starts.Count ? _starts[i + 1].At : total) - s.At).TotalSeconds:N1} s")));
    }
}
