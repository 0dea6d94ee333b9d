using System.Text.RegularExpressions;
using Lindung.Data;
using Lindung.Features.Enforcement;
using Lindung.Security;
using Lindung.Tests.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Tests.Features.Enforcement;

/// <summary>
/// On SQLite, after ANALYZE of a registry whose jobs almost all belong to agencies (employer_id NULL),
/// the per-employer PDS counts (<see cref="EmployerPds"/>, behind the case candidates and the next
/// steps) and the compliance check's read of one employer's jobs reach those jobs through the index of
/// employers' jobs (filtered to employer_id IS NOT NULL), never by scanning every job.
/// </summary>
public sealed partial class EmployerJobsPlanTests(SqliteRegistryDatabase database) : IClassFixture<SqliteRegistryDatabase>
{
    [Fact]
    public async Task Per_employer_counts_search_the_employers_jobs_index_after_analyze()
    {
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO agencies (id, code, name, kind, region_code) VALUES ('A0000000-0000-0000-0000-000000000001', 'OPD-PLAN', 'Dinas Uji', 'DINAS', '35.77');
            INSERT INTO employers (id, name, npp, region_code) VALUES ('E0000000-0000-0000-0000-000000000001', 'PT Uji', '99887766', '35.77');
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 50002)
            INSERT INTO workers (id, nik, name, region_code, scheme) SELECT printf('00000000-0000-0000-0000-%012d', x), printf('3577010101%06d', x), 'Pekerja ' || x, '35.77.01.1001', 'BPJS_TK' FROM n;
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 50002)
            INSERT INTO employments (id, worker_id, agency_id, employer_id, category, monthly_wage, funding_source, valid_from, region_code)
            SELECT printf('10000000-0000-0000-0000-%012d', x), printf('00000000-0000-0000-0000-%012d', x),
                   CASE WHEN x <= 50000 THEN 'A0000000-0000-0000-0000-000000000001' END, CASE WHEN x > 50000 THEN 'E0000000-0000-0000-0000-000000000001' END,
                   'HONORER', 2500000, 'APBD', '2026-01-01', '35.77' FROM n;
            ANALYZE;
            """);

        var scope = new AccessScope(new HashSet<string> { LindungRoles.RegionalAdmin }, ["35.77"], null, "test");
        var plan = await PlanAsync(db, EmployerPds.Of(db, scope, db.Employers, new DateOnly(2026, 12, 4)));

        Assert.Contains("ix_employments_employer_id", plan, StringComparison.Ordinal);
        // The employers are read once; every job is reached by a search, never a scan (a scan of a
        // co-routine reads a subquery's own result, not a table).
        var coroutines = CoroutineLine().Matches(plan).Select(m => m.Groups[1].Value).ToHashSet();
        var tableScans = ScanLine().Matches(plan).Select(m => m.Groups[1].Value).Where(name => !coroutines.Contains(name)).ToList();
        Assert.Single(tableScans);
        Assert.Equal(2, (await EmployerPds.Of(db, scope, db.Employers, new DateOnly(2026, 12, 4)).SingleAsync()).Unregistered);

        // One employer's jobs, as the compliance check reads them.
        var employer = Guid.Parse("E0000000-0000-0000-0000-000000000001");
        var jobs = db.Employments.Where(e => e.EmployerId == employer).InRegions(scope).ValidOn(new DateOnly(2026, 12, 4)).Select(e => e.WorkerId);
        Assert.StartsWith("SEARCH e USING INDEX ix_employments_employer_id", await PlanAsync(db, jobs), StringComparison.Ordinal);
    }

    /// <summary>SQLite's plan of the query EF sends, its parameters bound as EF binds them.</summary>
    private static async Task<string> PlanAsync<T>(LindungDbContext db, IQueryable<T> query)
    {
        var text = query.ToQueryString();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var sql = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (ParamLine().Match(line) is { Success: true } param)
            {
                command.Parameters.AddWithValue(param.Groups[1].Value, param.Groups[2].Value.Trim('\''));
            }
            else
            {
                sql.Add(line);
            }
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^\.param set (@\w+) (.*)$")]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^SCAN (\w+)", RegexOptions.Multiline)]
    private static partial Regex ScanLine();

    [GeneratedRegex(@"^CO-ROUTINE (\w+)", RegexOptions.Multiline)]
    private static partial Regex CoroutineLine();
}
