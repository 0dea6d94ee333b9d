using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Lindung.Bench.Coverage;

/// <summary>
/// Puts <see cref="CoverageSamples"/> into a migrated registry the fast way each database offers —
/// SQLite prepared inserts in one transaction, PostgreSQL binary COPY — not through the change
/// tracker, which would take longer than everything measured.
/// </summary>
internal static class CoverageLoad
{
    private const string WorkerColumns = "id, nik, name, birth_date, sex, region_code, scheme";
    private const string EmploymentColumns = "id, worker_id, agency_id, category, monthly_wage, funding_source, valid_from, valid_to, region_code";
    private const string MembershipColumns = "id, kpj, worker_id, segment, programs, employer_npp, status, reported_wage, valid_from, valid_to, region_code";

    private static readonly string Taspen = EnumCodes<SocialSecurityScheme>.ToCode(SocialSecurityScheme.Taspen);
    private static readonly string Bpjs = EnumCodes<SocialSecurityScheme>.ToCode(SocialSecurityScheme.BpjsTk);
    private static readonly string Active = EnumCodes<MembershipStatus>.ToCode(MembershipStatus.Active);
    private static readonly string Inactive = EnumCodes<MembershipStatus>.ToCode(MembershipStatus.Inactive);
    private static readonly string Apbd = EnumCodes<FundingSource>.ToCode(FundingSource.Apbd);

    public static async Task AgenciesAsync(LindungDbContext db, CoverageSamples data)
    {
        for (var a = 0; a < data.AgencyIds.Length; a++)
        {
            db.Agencies.Add(new Agency { Id = data.AgencyIds[a], Code = $"OPD-{a:00}", Name = $"Dinas {a:00}", Kind = AgencyKind.Dinas, RegionCode = CoverageSamples.Regency });
        }

        await db.SaveChangesAsync();
    }

    public static void Sqlite(string connectionString, CoverageSamples data)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        // The registry stores a GUID as upper-case text; the loader writes it the same way.
        static string G(Guid id) => id.ToString().ToUpperInvariant();
        static object D(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;

        using (var insert = Prepared(connection, transaction, "workers", WorkerColumns))
        {
            for (var w = 0; w < data.Workers; w++)
            {
                Run(insert, G(CoverageSamples.WorkerId(w)), data.Nik(w), data.WorkerNames[w], D(data.Birth(w)), CoverageSamples.SexOf(w).ToString(),
                    data.Villages[data.WorkerVillage[w]], data.WorkerTaspen[w] ? Taspen : Bpjs);
            }
        }

        using (var insert = Prepared(connection, transaction, "employments", EmploymentColumns))
        {
            for (var w = 0; w < data.RosterWorkers; w++)
            {
                Run(insert, G(CoverageSamples.EmploymentId(w)), G(CoverageSamples.WorkerId(w)), G(data.AgencyIds[data.JobAgency[w]]),
                    CoverageSamples.CategoryCodes[data.JobCategory[w]], 2_500_000L, Apbd, D(data.DaysAgo(data.JobFrom[w])), D(data.EndDaysAgo(data.JobTo[w])),
                    CoverageSamples.Regency);
            }
        }

        using (var insert = Prepared(connection, transaction, "memberships", MembershipColumns))
        {
            for (var m = 0; m < data.Memberships; m++)
            {
                Run(insert, G(CoverageSamples.MembershipId(m)), CoverageSamples.Kpj(m), G(CoverageSamples.WorkerId(data.MemberWorker[m])),
                    CoverageSamples.SegmentCodes[data.MemberSegment[m]], CoverageSamples.Programs(data.MemberSegment[m]),
                    data.MemberNpp[m] < 0 ? DBNull.Value : CoverageSamples.Npp(data.MemberNpp[m]), data.MemberActive[m] ? Active : Inactive, 2_500_000L,
                    D(data.DaysAgo(data.MemberFrom[m])), D(data.EndDaysAgo(data.MemberTo[m])), data.MemberRegion(m));
            }
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
    }

    public static async Task PostgresAsync(string connectionString, CoverageSamples data)
    {
        // Finishing a 5M-row COPY (index and key checks) takes longer than the default 30 s command timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY workers ({WorkerColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var w = 0; w < data.Workers; w++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(CoverageSamples.WorkerId(w), NpgsqlDbType.Uuid);
                await copy.WriteAsync(data.Nik(w), NpgsqlDbType.Varchar);
                await copy.WriteAsync(data.WorkerNames[w], NpgsqlDbType.Varchar);
                await copy.WriteAsync(data.Birth(w), NpgsqlDbType.Date);
                await copy.WriteAsync(CoverageSamples.SexOf(w).ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(data.Villages[data.WorkerVillage[w]], NpgsqlDbType.Varchar);
                await copy.WriteAsync(data.WorkerTaspen[w] ? Taspen : Bpjs, NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY employments ({EmploymentColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var w = 0; w < data.RosterWorkers; w++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(CoverageSamples.EmploymentId(w), NpgsqlDbType.Uuid);
                await copy.WriteAsync(CoverageSamples.WorkerId(w), NpgsqlDbType.Uuid);
                await copy.WriteAsync(data.AgencyIds[data.JobAgency[w]], NpgsqlDbType.Uuid);
                await copy.WriteAsync(CoverageSamples.CategoryCodes[data.JobCategory[w]], NpgsqlDbType.Varchar);
                await copy.WriteAsync(2_500_000L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(Apbd, NpgsqlDbType.Varchar);
                await copy.WriteAsync(data.DaysAgo(data.JobFrom[w]), NpgsqlDbType.Date);
                await WriteDateAsync(copy, data.EndDaysAgo(data.JobTo[w]));
                await copy.WriteAsync(CoverageSamples.Regency, NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY memberships ({MembershipColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var m = 0; m < data.Memberships; m++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(CoverageSamples.MembershipId(m), NpgsqlDbType.Uuid);
                await copy.WriteAsync(CoverageSamples.Kpj(m), NpgsqlDbType.Varchar);
                await copy.WriteAsync(CoverageSamples.WorkerId(data.MemberWorker[m]), NpgsqlDbType.Uuid);
                await copy.WriteAsync(CoverageSamples.SegmentCodes[data.MemberSegment[m]], NpgsqlDbType.Varchar);
                await copy.WriteAsync(CoverageSamples.Programs(data.MemberSegment[m]), NpgsqlDbType.Varchar);
                if (data.MemberNpp[m] < 0)
                {
                    await copy.WriteNullAsync();
                }
                else
                {
                    await copy.WriteAsync(CoverageSamples.Npp(data.MemberNpp[m]), NpgsqlDbType.Varchar);
                }

                await copy.WriteAsync(data.MemberActive[m] ? Active : Inactive, NpgsqlDbType.Varchar);
                await copy.WriteAsync(2_500_000L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(data.DaysAgo(data.MemberFrom[m]), NpgsqlDbType.Date);
                await WriteDateAsync(copy, data.EndDaysAgo(data.MemberTo[m]));
                await copy.WriteAsync(data.MemberRegion(m), NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task WriteDateAsync(NpgsqlBinaryImporter copy, DateOnly? day)
    {
        if (day is { } d)
        {
            await copy.WriteAsync(d, NpgsqlDbType.Date);
        }
        else
        {
            await copy.WriteNullAsync();
        }
    }

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
}
