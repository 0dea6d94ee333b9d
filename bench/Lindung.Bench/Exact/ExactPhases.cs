using System.Diagnostics;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;
using Lindung.Features.Imports;

namespace Lindung.Bench.Exact;

internal static class ExactPhases
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Get("--rows", 500_000);
        var sample = ExactSamples.Write(args.WorkDirectory, rows, rows, args.Seed);
        var today = new DateOnly(2026, 11, 25);
        var validator = new NikValidator(AreaDirectory.Embedded);
        var records = new List<string[]>();
        Time("csv records", () =>
        {
            using var csv = CsvReader.Open(sample.MembersPath);
            var r = new CsvRecord();
            while (csv.ReadRecord(r))
            {
            }
        });
        Time("csv records+strings", () =>
        {
            using var csv = CsvReader.Open(sample.MembersPath);
            while (csv.ReadRecord(out var f))
            {
                records.Add(f);
            }
        });
        var map = HeaderMap.Map(["kpj", "nik", "nama", "tanggal_lahir", "jenis_kelamin", "segmen", "npp", "status", "program", "upah_dilaporkan"], MemberColumns.All);
        Time("nikkey", () => { foreach (var f in records) { MemberIndex.NikKey(f[1]); } });
        Time("validator", () => { foreach (var f in records) { validator.Check(f[1], today); } });
        Time("normalize", () => { foreach (var f in records) { PersonName.Normalize(f[2]); } });
        Time("similarity", () => { foreach (var f in records) { NameSimilarity.Score(f[2], f[2]); } });
        Time("memberrecord", () => { foreach (var f in records) { MemberRecord.From(map, f); } });
        Time("date", () => { foreach (var f in records) { FieldParser.Date(f[3]); } });
        Time("index", () => { var ix = new MemberIndex(validator, today) { Blocks = false }; foreach (var f in records) { ix.Add(MemberRecord.From(map, f)); } });
        return Task.FromResult(0);
    }

    private static void Time(string name, Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        Console.WriteLine($"{name,-22} {watch.ElapsedMilliseconds,6} ms wall {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,6:0} ms cpu");
    }
}
