using System.Globalization;
using DuckDB.NET.Data;
using Lindung.Bench.Exact;

namespace Lindung.Bench.Coverage;

/// <summary>What both sides must agree on.</summary>
internal sealed record CoverageTotals(long Eligible, long Covered, long TotalActive, IReadOnlyDictionary<string, long> BySegment, long PuEmployers)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"eligible {Eligible:N0}, covered {Covered:N0}, total_active {TotalActive:N0} ({string.Join(", ", BySegment.Select(s => $"{s.Key} {s.Value:N0}"))}), PU employers {PuEmployers:N0}");

    public bool SameAs(CoverageTotals other) =>
        Eligible == other.Eligible && Covered == other.Covered && TotalActive == other.TotalActive && PuEmployers == other.PuEmployers
        && BySegment.Count == other.BySegment.Count && BySegment.All(s => other.BySegment.TryGetValue(s.Key, out var v) && v == s.Value);
}

/// <summary>
/// The peer: DuckDB in memory holding the same four tables (loaded from CSV before the clock
/// starts), answering the dashboard's questions with GROUP BYs over the raw rows — coverage per
/// agency and category, per village/district/regency of residence, active participants per region
/// and segment, and PU employers per region.
/// </summary>
internal sealed class DuckCoverage : IDisposable
{
    private readonly DuckDBConnection _duck = new("DataSource=:memory:");

    public DuckCoverage(string directory)
    {
        _duck.Open();
        // Codes stay text: left to detection, "35.19" would become a number.
        foreach (var (table, types) in new[]
        {
            ("agencies", "{'region_code': 'VARCHAR'}"), ("workers", "{'region_code': 'VARCHAR'}"), ("employments", "{'category': 'VARCHAR'}"),
            ("memberships", "{'region_code': 'VARCHAR', 'employer_npp': 'VARCHAR'}"),
        })
        {
            Execute($"CREATE TABLE {table} AS SELECT * FROM read_csv({DuckJoin.Literal(Path.Combine(directory, table + ".csv"))}, header = true, types = {types})");
        }
    }

    /// <summary>
    /// The figures as of <paramref name="day"/>. The GROUP BYs run over every row; the totals add up
    /// the regions inside <paramref name="area"/>, the area the dashboard shows (the one holding the agencies).
    /// </summary>
    public CoverageTotals Query(DateOnly day, string area)
    {
        var d = $"DATE '{day:yyyy-MM-dd}'";
        var active = $"status = 'ACTIVE' AND valid_from <= {d} AND (valid_to IS NULL OR valid_to > {d})";
        Execute("DROP TABLE IF EXISTS covered");
        // The set every coverage figure joins to; a temp table so the three roster queries share it.
        Execute($"CREATE TEMP TABLE covered AS SELECT DISTINCT worker_id FROM memberships WHERE {active}");
        Execute("DROP TABLE IF EXISTS roster");
        Execute($"""
            CREATE TEMP TABLE roster AS
            SELECT e.agency_id, e.worker_id, min(e.category) AS category, any_value(w.region_code) AS village
            FROM employments e JOIN workers w ON w.id = e.worker_id
            WHERE e.agency_id IS NOT NULL AND e.valid_from <= {d} AND (e.valid_to IS NULL OR e.valid_to > {d}) AND w.scheme <> 'TASPEN'
            GROUP BY e.agency_id, e.worker_id
            """);
        long eligible = 0, covered = 0;
        foreach (var row in Rows("""
            SELECT r.agency_id, a.region_code, r.category, count(*) AS eligible, count(c.worker_id) AS covered
            FROM roster r JOIN agencies a ON a.id = r.agency_id LEFT JOIN covered c ON c.worker_id = r.worker_id
            GROUP BY ALL
            """))
        {
            eligible += Convert.ToInt64(row[3], CultureInfo.InvariantCulture);
            covered += Convert.ToInt64(row[4], CultureInfo.InvariantCulture);
        }

        // Residents by village, district and regency in one pass; plus residents with any active membership.
        _ = Rows("""
            SELECT grouping(regency, district, village) AS level, regency, district, village, count(*) AS eligible, count(c.worker_id) AS covered
            FROM (SELECT DISTINCT worker_id, village, village[1:8] AS district, village[1:5] AS regency FROM roster) r
            LEFT JOIN covered c ON c.worker_id = r.worker_id
            GROUP BY GROUPING SETS ((regency), (regency, district), (regency, district, village))
            """);
        _ = Rows("SELECT w.region_code, count(*) FROM workers w SEMI JOIN covered c ON c.worker_id = w.id GROUP BY ALL");

        var bySegment = new Dictionary<string, long>(StringComparer.Ordinal) { ["PU"] = 0, ["BPU"] = 0, ["JAKON"] = 0, ["PMI"] = 0 };
        foreach (var row in Rows($"SELECT region_code, segment, count(*) FROM memberships WHERE {active} GROUP BY ALL"))
        {
            if (((string)row[0]!).StartsWith(area, StringComparison.Ordinal))
            {
                bySegment[(string)row[1]!] += Convert.ToInt64(row[2], CultureInfo.InvariantCulture);
            }
        }

        // Each employer once, in one region (the bench loads no employer records or extracts, so one of its members').
        var employers = Rows($"SELECT region, count(*) FROM (SELECT employer_npp, min(region_code) AS region FROM memberships WHERE {active} AND segment = 'PU' AND employer_npp IS NOT NULL GROUP BY employer_npp) GROUP BY ALL")
            .Where(r => ((string)r[0]!).StartsWith(area, StringComparison.Ordinal))
            .Sum(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture));
        return new CoverageTotals(eligible, covered, bySegment.Values.Sum(), bySegment, employers);
    }

    public void Dispose() => _duck.Dispose();

    private void Execute(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<object?[]> Rows(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
