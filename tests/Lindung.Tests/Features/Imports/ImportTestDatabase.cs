using System.Globalization;
using System.Text;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Identifiers;
using Lindung.Features.Imports;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// A migrated registry on SQLite (in a temp data folder) or PostgreSQL (a fresh database) with one
/// agency and one unit under it, and the global options that point the CLI at it.
/// </summary>
internal sealed class ImportTestDatabase : IAsyncDisposable
{
    public const string Region = "35.77";
    public const string AgencyCode = "DISDIK";
    public const string AgencyName = "Dinas Pendidikan";
    public const string UnitCode = "SDN-01";
    public const string UnitName = "SD Negeri 01 Madiun";

    private readonly PostgresDatabase? _postgres;
    private readonly ServiceProvider _services;

    private ImportTestDatabase(TempDirectory directory, PostgresDatabase? postgres, DatabaseSettings settings, ServiceProvider services)
    {
        Directory = directory;
        _postgres = postgres;
        Settings = settings;
        _services = services;
    }

    public TempDirectory Directory { get; }

    /// <summary>The services a CLI verb or web request would get: make a scope for each use.</summary>
    public IServiceProvider Services => _services;

    public DatabaseSettings Settings { get; }

    public Guid AgencyId { get; } = Guid.CreateVersion7();

    public Guid UnitId { get; } = Guid.CreateVersion7();

    /// <summary>--data (and --db on PostgreSQL) for the CLI.</summary>
    public string[] GlobalArgs => _postgres is null
        ? ["--data", Directory.Path]
        : ["--data", Directory.Path, "--db", _postgres.ConnectionString];

    public static async Task<ImportTestDatabase> CreateAsync(string provider)
    {
        var directory = new TempDirectory();
        var postgres = provider == "postgres" ? await PostgresDatabase.CreateAsync() : null;
        var settings = postgres is null ? DatabaseSettings.Sqlite(directory.Path) : new DatabaseSettings(DatabaseProvider.Postgres, postgres.ConnectionString);
        var services = new ServiceCollection().AddLogging().AddLindungDatabase(settings).AddLindungImports(directory.Path).BuildServiceProvider();
        await services.MigrateLindungDatabaseAsync();
        var database = new ImportTestDatabase(directory, postgres, settings, services);
        await using var db = database.NewContext();
        db.Agencies.Add(new Agency { Id = database.AgencyId, Code = AgencyCode, Name = AgencyName, Kind = AgencyKind.Dinas, RegionCode = Region });
        db.Agencies.Add(new Agency { Id = database.UnitId, Code = UnitCode, Name = UnitName, Kind = AgencyKind.Sekolah, ParentAgencyId = database.AgencyId, RegionCode = Region });
        db.Agencies.Add(new Agency { Code = "RSUD", Name = "RSUD Kota Madiun", Kind = AgencyKind.Rsud, RegionCode = Region });
        await db.SaveChangesAsync();
        return database;
    }

    /// <summary>
    /// On PostgreSQL, holds a SHARE lock on the batch table until disposed: an import then merges every
    /// row inside its transaction and waits at the batch row, before it can commit. Null on SQLite.
    /// </summary>
    public async Task<BatchTableHold?> HoldBatchTableAsync()
    {
        if (_postgres is null)
        {
            return null;
        }

        var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE import_batches IN SHARE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new BatchTableHold(connection, transaction);
    }

    /// <summary>The import runner in a scope of its own, as a web job would get it.</summary>
    public IImportRunner NewRunner() => _services.CreateScope().ServiceProvider.GetRequiredService<IImportRunner>();

    /// <summary>
    /// A runner that merges rosters <paramref name="chunkRows"/> rows at a time; with
    /// <paramref name="newRowsDirect"/> false every chunk goes through the staging table, even one of new people only.
    /// </summary>
    public IImportRunner NewRunner(int chunkRows, bool newRowsDirect = true)
    {
        var scope = _services.CreateScope().ServiceProvider;
        return new ImportRunner(
            scope.GetRequiredService<LindungDbContext>(), scope.GetRequiredService<TimeProvider>(), scope.GetRequiredService<IAuditActor>(),
            new ImportSettings(Directory.Path, chunkRows, newRowsDirect));
    }

    /// <summary>Every worker and employment by what they say, not their ids: equal registries compare equal.</summary>
    public async Task<string> ContentsAsync()
    {
        await using var db = NewContext();
        var workers = await db.Workers.AsNoTracking().ToListAsync();
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        var niks = workers.ToDictionary(w => w.Id, w => w.Nik);
        var lines = workers.Select(w => string.Create(CultureInfo.InvariantCulture, $"W|{w.Nik}|{w.Name}|{w.BirthDate}|{w.Sex}|{w.RegionCode}|{w.Phone}|{w.Scheme}"))
            .Concat((await db.Employments.AsNoTracking().ToListAsync()).Select(e => string.Create(CultureInfo.InvariantCulture,
                $"E|{niks[e.WorkerId]}|{(e.AgencyId is { } agency ? agencies[agency] : null)}|{EnumCodes<WorkerCategory>.ToCode(e.Category)}|{e.Position}|{e.MonthlyWage}|{EnumCodes<FundingSource>.ToCode(e.FundingSource)}|{e.ValidFrom:yyyy-MM-dd}|{e.ValidTo:yyyy-MM-dd}|{e.RegionCode}")))
            .Order(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    /// <summary>A context of its own; dispose it.</summary>
    public LindungDbContext NewContext() => _services.CreateScope().ServiceProvider.GetRequiredService<LindungDbContext>();

    /// <summary>Row counts and an order-independent digest of every registry row, to prove "nothing changed".</summary>
    public async Task<string> FingerprintAsync()
    {
        await using var db = NewContext();
        var text = new StringBuilder();
        foreach (var w in await db.Workers.AsNoTracking().OrderBy(w => w.Nik).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"W|{w.Id}|{w.Nik}|{w.Name}|{w.BirthDate}|{w.Sex}|{w.RegionCode}|{w.Phone}\n");
        }

        foreach (var e in await db.Employments.AsNoTracking().OrderBy(e => e.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"E|{e.Id}|{e.WorkerId}|{e.AgencyId}|{e.Category}|{e.Position}|{e.MonthlyWage}|{e.FundingSource}|{e.ValidFrom}|{e.ValidTo}|{e.RegionCode}\n");
        }

        foreach (var m in await db.Memberships.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"M|{m.Id}|{m.Kpj}|{m.WorkerId}|{m.Status}|{m.Programs}|{m.ReportedWage}|{m.ValidFrom}|{m.ValidTo}\n");
        }

        int[] numbers =
        [
            await db.Workers.CountAsync(), await db.Employments.CountAsync(), await db.Memberships.CountAsync(),
            await db.ImportBatches.CountAsync(), await db.AuditEvents.CountAsync(), await db.MembershipExtracts.CountAsync(),
        ];
        var counts = "workers/employments/memberships/batches/audit/extracts=" + string.Join('/', numbers);
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return counts + " sha256=" + digest;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Directory.Dispose();
    }
}

/// <summary>Roster and extract CSV lines with valid NIKs in Kota Madiun.</summary>
internal static class ImportCsv
{
    public const string RosterHeader = "nik,nama,tanggal_lahir,jenis_kelamin,kode_wilayah,instansi,kategori,upah,jabatan";
    public const string MembersHeader = "kpj,nik,nama,tanggal_lahir,jenis_kelamin,segmen,npp,status,program,upah_dilaporkan,bulan_iuran_terakhir";

    public static string NikOf(int serial) => Lindung.Domain.Identifiers.Nik.Compose("35.77.01", BirthOf(serial), SexOf(serial), (serial % 9999) + 1);

    // 9,999 serials per birth day: every serial gets its own NIK.
    public static DateOnly BirthOf(int serial) => new DateOnly(1980, 1, 1).AddDays(serial / 9999);

    public static Sex SexOf(int serial) => serial % 2 == 0 ? Sex.L : Sex.P;

    public static string RosterLine(int serial, long wage = 2_500_000, string category = "Honorer", string agency = ImportTestDatabase.AgencyCode, string position = "Staf") =>
        string.Create(CultureInfo.InvariantCulture,
            $"{NikOf(serial)},Pekerja {serial},{BirthOf(serial):dd/MM/yyyy},{SexOf(serial)},35.77.01,{agency},{category},{wage},{position}");

    public static string MemberLine(int serial, string kpj, string status = "AKTIF", long wage = 2_500_000, string lastPaid = "2026-01") =>
        string.Create(CultureInfo.InvariantCulture,
            $"{kpj},{NikOf(serial)},Pekerja {serial},{BirthOf(serial):yyyy-MM-dd},{SexOf(serial)},PU,12345678,{status},JKK+JKM,{wage},{lastPaid}");

    public static string Write(string directory, string name, string header, IEnumerable<string> lines)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllLines(path, [header, .. lines]);
        return path;
    }
}
