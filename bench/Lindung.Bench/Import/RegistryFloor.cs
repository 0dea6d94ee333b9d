using System.Diagnostics;
using System.Globalization;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Imports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Lindung.Bench.Import;

/// <summary>
/// The least any import that keeps the normalized registry (unique NIK, foreign keys, versioned
/// employments) must pay: the file's rows written straight into the real <c>workers</c> and
/// <c>employments</c> tables, every index, constraint and foreign key in place, in one transaction,
/// with no validation, no lookup of registered workers and no merge. The rows are trusted as the
/// generator wrote them; ids are version 7 GUIDs as the import makes them.
/// </summary>
internal static class RegistryFloor
{
    private const string WorkersColumns = "id, nik, name, birth_date, sex, region_code, scheme";
    private const string EmploymentsColumns = "id, worker_id, agency_id, category, monthly_wage, funding_source, valid_from, region_code";
    private static readonly string Scheme = EnumCodes<SocialSecurityScheme>.ToCode(SocialSecurityScheme.BpjsTk);
    private static readonly string Funding = EnumCodes<FundingSource>.ToCode(FundingSource.Apbd);

    /// <summary>Writes <paramref name="file"/> into a migrated registry holding the agency; returns the time and the rows in both tables.</summary>
    public static async Task<(TimeSpan Elapsed, long Rows)> RunAsync(IServiceProvider services, Guid agencyId, string agencyRegion, string file, DateOnly day)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        await db.Database.OpenConnectionAsync();
        var watch = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var connection = db.Database.GetDbConnection();
            if (connection is NpgsqlConnection postgres)
            {
                await CopyAsync(postgres, agencyId, agencyRegion, file, day);
            }
            else
            {
                // The page cache the import's connection gets: without it the index insertions re-read pages from disk.
                await db.Database.ExecuteSqlRawAsync(SqliteImportStore.CacheSql);
                Insert((SqliteConnection)connection, agencyId, agencyRegion, file, day);
            }

            await transaction.CommitAsync();
        }

        var elapsed = watch.Elapsed;
        var workers = await db.Workers.LongCountAsync();
        var employments = await db.Employments.LongCountAsync();
        return workers == employments
            ? (elapsed, workers)
            : throw new InvalidOperationException($"The floor wrote {workers:N0} workers but {employments:N0} employments.");
    }

    // One binary COPY per table: a connection runs one COPY at a time, so the file is read twice.
    private static async Task CopyAsync(NpgsqlConnection connection, Guid agencyId, string agencyRegion, string file, DateOnly day)
    {
        var ids = new ImportIds();
        var keys = new List<(Guid Worker, Guid Employment)>();
        await using (var workers = await connection.BeginBinaryImportAsync($"COPY workers ({WorkersColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            // No time limit: completing a COPY runs the statement's index and foreign-key work, minutes for millions of rows.
            workers.Timeout = TimeSpan.Zero;
            foreach (var row in Rows(file))
            {
                var key = (ids.Next(), ids.Next());
                keys.Add(key);
                await workers.StartRowAsync();
                workers.Write(key.Item1, NpgsqlDbType.Uuid);
                workers.Write(row.Nik, NpgsqlDbType.Text);
                workers.Write(row.Name, NpgsqlDbType.Text);
                workers.Write(row.BirthDate, NpgsqlDbType.Date);
                workers.Write(row.Sex, NpgsqlDbType.Text);
                workers.Write(row.Region, NpgsqlDbType.Text);
                workers.Write(Scheme, NpgsqlDbType.Text);
            }

            await workers.CompleteAsync();
        }

        await using (var employments = await connection.BeginBinaryImportAsync($"COPY employments ({EmploymentsColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            employments.Timeout = TimeSpan.Zero;
            var i = 0;
            foreach (var row in Rows(file))
            {
                var key = keys[i++];
                await employments.StartRowAsync();
                employments.Write(key.Employment, NpgsqlDbType.Uuid);
                employments.Write(key.Worker, NpgsqlDbType.Uuid);
                employments.Write(agencyId, NpgsqlDbType.Uuid);
                employments.Write(row.Category, NpgsqlDbType.Text);
                employments.Write(row.Wage, NpgsqlDbType.Bigint);
                employments.Write(Funding, NpgsqlDbType.Text);
                employments.Write(day, NpgsqlDbType.Date);
                employments.Write(agencyRegion, NpgsqlDbType.Text);
            }

            await employments.CompleteAsync();
        }
    }

    // One INSERT per table prepared on the connection's handle (inside its transaction), as the import's SQLite writer does.
    private static void Insert(SqliteConnection connection, Guid agencyId, string agencyRegion, string file, DateOnly day)
    {
        var db = connection.Handle!;
        SqliteImportStore.Check(db, raw.sqlite3_prepare_v2(db, $"INSERT INTO workers ({WorkersColumns}) VALUES (?, ?, ?, ?, ?, ?, ?)", out var workers));
        SqliteImportStore.Check(db, raw.sqlite3_prepare_v2(db, $"INSERT INTO employments ({EmploymentsColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", out var employments));
        using (workers)
        using (employments)
        {
            var ids = new ImportIds();
            Span<byte> text = stackalloc byte[SqliteText.MaxLength];
            Span<byte> date = stackalloc byte[SqliteText.MaxLength];
            var agency = SqliteText.Write(agencyId, stackalloc byte[SqliteText.MaxLength]);
            var from = SqliteText.Write(day, stackalloc byte[SqliteText.MaxLength]);
            // A chunk's workers, then its employments, in the order the import's chunk by chunk merge
            // writes them (measured: no faster or slower than a worker and its job row by row).
            foreach (var chunk in Rows(file).Chunk(ImportStaging.ChunkRows))
            {
                var keys = new (Guid Worker, Guid Employment)[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    var row = chunk[i];
                    keys[i] = (ids.Next(), ids.Next());
                    raw.sqlite3_bind_text(workers, 1, SqliteText.Write(keys[i].Worker, text));
                    raw.sqlite3_bind_text(workers, 2, row.Nik);
                    raw.sqlite3_bind_text(workers, 3, row.Name);
                    raw.sqlite3_bind_text(workers, 4, SqliteText.Write(row.BirthDate, date));
                    raw.sqlite3_bind_text(workers, 5, row.Sex);
                    raw.sqlite3_bind_text(workers, 6, row.Region);
                    raw.sqlite3_bind_text(workers, 7, Scheme);
                    SqliteImportStore.Step(db, workers);
                }

                for (var i = 0; i < chunk.Length; i++)
                {
                    var row = chunk[i];
                    raw.sqlite3_bind_text(employments, 1, SqliteText.Write(keys[i].Employment, text));
                    raw.sqlite3_bind_text(employments, 2, SqliteText.Write(keys[i].Worker, date));
                    raw.sqlite3_bind_text(employments, 3, agency);
                    raw.sqlite3_bind_text(employments, 4, row.Category);
                    raw.sqlite3_bind_int64(employments, 5, row.Wage);
                    raw.sqlite3_bind_text(employments, 6, Funding);
                    raw.sqlite3_bind_text(employments, 7, from);
                    raw.sqlite3_bind_text(employments, 8, agencyRegion);
                    SqliteImportStore.Step(db, employments);
                }
            }
        }
    }

    /// <summary>The generated file's rows as the registry spells them (the generator writes codes, ISO dates and no quotes).</summary>
    private static IEnumerable<FloorRow> Rows(string file)
    {
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var f = line.Split(',');
            yield return new FloorRow(f[0], f[1], DateOnly.ParseExact(f[2], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[3], f[4], f[6], long.Parse(f[7], CultureInfo.InvariantCulture));
        }
    }

    private readonly record struct FloorRow(string Nik, string Name, DateOnly BirthDate, string Sex, string Region, string Category, long Wage);
}
