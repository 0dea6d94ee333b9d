using System.Globalization;

namespace Lindung.Bench.Nik;

/// <summary>Lindung's NIK rules (repair, shape, district, birth date with century, serial) in DuckDB SQL.</summary>
internal static class NikSql
{
    public static string CountValid(string file, DateOnly today)
    {
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var path = file.Replace("'", "''", StringComparison.Ordinal);
        return $"""
            WITH raw AS (
                SELECT nik FROM read_csv('{path}', header = false, columns = {"{"}'nik': 'VARCHAR'{"}"}, delim = '\t', quote = '', escape = '', auto_detect = false)
            ),
            trimmed AS (SELECT trim(ltrim(trim(nik), '''‘’`')) AS t FROM raw),
            cleaned AS (
                SELECT regexp_full_match(t, '[0-9](?:[.,][0-9]+)?[eE]\+?[0-9]+') AS sci,
                       CASE WHEN regexp_full_match(t, '[0-9]+[.,]0+') THEN regexp_extract(t, '^([0-9]+)', 1)
                            ELSE regexp_replace(t, '[\s.\-\xA0]', '', 'g') END AS d
                FROM trimmed
            ),
            shaped AS (
                SELECT d, NOT sci AND regexp_full_match(d, '[0-9]{"{16}"}') AS ok FROM cleaned
            ),
            parts AS (
                SELECT d,
                       substr(d, 1, 2) || '.' || substr(d, 3, 2) || '.' || substr(d, 5, 2) AS district,
                       CAST(substr(d, 7, 2) AS INTEGER) AS dd, CAST(substr(d, 9, 2) AS INTEGER) AS mm,
                       CAST(substr(d, 11, 2) AS INTEGER) AS yy, substr(d, 13, 4) AS serial
                FROM shaped WHERE ok
            ),
            born AS (
                SELECT *, CASE WHEN dd > 40 THEN dd - 40 ELSE dd END AS day FROM parts
            ),
            dated AS (
                SELECT *, try(make_date(2000 + yy, mm, day)) AS d20, try(make_date(1900 + yy, mm, day)) AS d19 FROM born
            )
            SELECT count(*) FROM dated
            WHERE serial <> '0000'
              AND day BETWEEN 1 AND 31 AND dd NOT BETWEEN 32 AND 40 AND dd <= 71
              AND (CASE WHEN d20 IS NOT NULL AND d20 <= DATE '{day}' THEN d20 ELSE d19 END) IS NOT NULL
              AND district IN (SELECT code FROM districts)
            """;
    }
}
