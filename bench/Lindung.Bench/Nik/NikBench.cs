using System.Globalization;
using DuckDB.NET.Data;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;

namespace Lindung.Bench.Nik;

/// <summary>
/// Validating a file of NIKs (with spreadsheet damage) — Lindung's <see cref="NikValidator"/>
/// against the same rules written as one DuckDB query over the same file.
/// </summary>
internal static class NikBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var today = new DateOnly(2026, 11, 25);
        var districts = AreaDirectory.Embedded.Provinces
            .SelectMany(p => AreaDirectory.Embedded.Children(p.Code))
            .SelectMany(r => AreaDirectory.Embedded.Children(r.Code))
            .Select(d => d.Code)
            .ToArray();
        var file = Path.Combine(args.WorkDirectory, $"niks-{args.Rows}-{args.Seed}.txt");
        if (!File.Exists(file))
        {
            await File.WriteAllLinesAsync(file, NikSamples.Generate(args.Rows, args.Seed, districts, today));
        }

        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        LoadDistricts(duck, districts);

        var (ours, peer, oursValid, peerValid) = await Measure.BestOfAsync(
            args.Runs,
            () => Task.FromResult(CountValidWithLindung(file, today)),
            () => Task.FromResult(CountValidWithDuckDb(duck, file, today)));

        Measure.Report("nik check", args.Rows, ours, "DuckDB", peer);
        if (oursValid != peerValid)
        {
            Console.Error.WriteLine($"MISMATCH: Lindung found {oursValid:N0} valid NIKs, DuckDB {peerValid:N0}.");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  both found {oursValid:N0} valid of {args.Rows:N0}"));
        return 0;
    }

    private static long CountValidWithLindung(string file, DateOnly today)
    {
        var validator = new NikValidator(AreaDirectory.Embedded);
        long valid = 0;
        foreach (var line in File.ReadLines(file))
        {
            if (validator.Check(line, today).IsValid)
            {
                valid++;
            }
        }

        return valid;
    }

    private static void LoadDistricts(DuckDBConnection duck, string[] districts)
    {
        using (var create = duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE districts (code VARCHAR PRIMARY KEY)";
            create.ExecuteNonQuery();
        }

        using var appender = duck.CreateAppender("districts");
        foreach (var code in districts)
        {
            appender.CreateRow().AppendValue(code).EndRow();
        }
    }

    private static long CountValidWithDuckDb(DuckDBConnection duck, string file, DateOnly today)
    {
        using var query = duck.CreateCommand();
        query.CommandText = NikSql.CountValid(file, today);
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
