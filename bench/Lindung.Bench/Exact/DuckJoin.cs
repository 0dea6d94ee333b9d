using System.Globalization;
using DuckDB.NET.Data;

namespace Lindung.Bench.Exact;

/// <summary>
/// The peer of the exact pass: DuckDB in memory reads both CSVs (types detected, as a user would
/// leave them), joins the roster to the extract on NIK, keeps roster rows with no member (the
/// left join is the join and the anti-join in one scan, the fastest way to write it) and writes the
/// result CSV.
/// </summary>
internal static class DuckJoin
{
    public static long Run(string rosterPath, string membersPath, string outPath)
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using (var copy = duck.CreateCommand())
        {
            copy.CommandText = $"""
                COPY (
                  SELECT r.nik, r.nama,
                         CASE WHEN m.kpj IS NULL THEN 'NOT_REGISTERED' WHEN m.status = 'AKTIF' THEN 'COVERED_ACTIVE' ELSE 'COVERED_INACTIVE' END AS hasil,
                         m.kpj
                  FROM read_csv({Literal(rosterPath)}, header = true) r
                  LEFT JOIN read_csv({Literal(membersPath)}, header = true) m ON m.nik = r.nik
                ) TO {Literal(outPath)} (HEADER, DELIMITER ',')
                """;
            copy.ExecuteNonQuery();
        }

        return CountCovered(duck, outPath);
    }

    /// <summary>Rows with a KPJ in a result file (untimed: the check that both sides agree).</summary>
    public static long CountCovered(DuckDBConnection duck, string outPath)
    {
        using var count = duck.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM read_csv({Literal(outPath)}, header = true, all_varchar = true) WHERE kpj IS NOT NULL AND kpj <> ''";
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
