using System.Globalization;
using Lindung.Data.Entities;
using Lindung.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// On PostgreSQL a chunk of new people is written straight into the registry (<see cref="ImportNewRows"/>);
/// every other chunk, and every chunk on SQLite, goes through the staging table. Through a first import with every optional column,
/// units and rejected rows, an unchanged re-import and a changed roster that ends the missing, the
/// registry, the counts and the batches must be what the staging path alone leaves.
/// </summary>
public sealed class ImportNewRowsTests
{
    private const string Header = "nik,nama,tanggal_lahir,jenis_kelamin,kode_wilayah,instansi,kategori,upah,jabatan,tanggal_mulai,no_hp,sumber_dana";

    [Fact]
    public async Task New_people_written_straight_leave_what_the_staging_path_leaves()
    {
        var direct = await ReplayAsync("postgres", newRowsDirect: true);
        var staged = await ReplayAsync("postgres", newRowsDirect: false);

        Assert.Equal(staged.Contents, direct.Contents);
        Assert.Equal(staged.Counts, direct.Counts);
        Assert.Equal(staged.Batches, direct.Batches);
        Assert.Equal(
            [
                (38, 0, 0, 0), // 40 rows, the bad wage and the repeated NIK refused
                (0, 0, 38, 0), // the same file again changes nothing
                (12, 5, 29, 4), // 41–50, 13 and 21 new; 10–12, 14 and 15 paid more; 1–4 ended
            ],
            direct.Counts);
        Assert.Contains($"W|{ImportCsv.NikOf(6)}|Pekerja 6|{ImportCsv.BirthOf(6)}|L|35.77.02|0812345606|BpjsTk", direct.Contents, StringComparison.Ordinal);
        Assert.Contains($"E|{ImportCsv.NikOf(6)}|DISDIK|GTT||2500000|APBN|2025-07-01||35.77", direct.Contents, StringComparison.Ordinal);
        Assert.Contains($"E|{ImportCsv.NikOf(5)}|SDN-01|HONORER|Staf|2500000|APBD|2026-02-01||35.77", direct.Contents, StringComparison.Ordinal);
        Assert.Contains($"E|{ImportCsv.NikOf(2)}|DISDIK|HONORER|Staf|2500000|APBD|2026-02-01|2026-03-01|35.77", direct.Contents, StringComparison.Ordinal);
        Assert.Contains($"E|{ImportCsv.NikOf(13)}|DISDIK|HONORER|Staf|2500000|APBD|2026-03-01||35.77", direct.Contents, StringComparison.Ordinal);
    }

    private static async Task<(string Contents, List<(int, int, int, int)> Counts, string Batches)> ReplayAsync(string provider, bool newRowsDirect)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var dir = database.Directory.Path;
        var first = ImportCsv.Write(dir, "first.csv", Header, Enumerable.Range(1, 40).Select(i => Line(i))
            .Select((line, at) => at switch
            {
                12 => line.Replace(",2500000,", ",abc,", StringComparison.Ordinal), // row 13: no wage
                20 => Line(20), // row 21 repeats row 20's NIK
                _ => line,
            }));
        var second = ImportCsv.Write(dir, "second.csv", Header, Enumerable.Range(5, 46).Select(i => Line(i, wage: i is >= 10 and <= 15 and not 13 ? 3_100_000 : 2_500_000)));

        var counts = new List<(int, int, int, int)>();
        foreach (var (file, day) in new[] { (first, new DateOnly(2026, 2, 1)), (first, new DateOnly(2026, 2, 1)), (second, new DateOnly(2026, 3, 1)) })
        {
            var request = new ImportRequest(ImportKind.Roster, file, Path.GetFileName(file), ImportTestDatabase.AgencyCode, null, CommitMode.ValidRowsOnly, EffectiveDate: day, RosterMode: RosterMode.Replace, Confirm: ImportConfirmation.Forced());
            var outcome = await database.NewRunner(chunkRows: 7, newRowsDirect).RunAsync(request, null, CancellationToken.None);
            Assert.True(outcome.Committed);
            counts.Add((outcome.Inserted, outcome.Updated, outcome.Unchanged, outcome.Ended));
        }

        await using var db = database.NewContext();
        var batches = string.Join('\n', (await db.ImportBatches.AsNoTracking().ToListAsync())
            .Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.EffectiveDate}|{b.RowsRead}|{b.RowsValid}|{b.RowsInvalid}|{b.Inserted}|{b.Updated}|{b.Unchanged}|{b.Ended}"))
            .Order(StringComparer.Ordinal));
        var audit = await db.AuditEvents.CountAsync();
        return (await database.ContentsAsync(), counts, batches + "\naudit events " + audit);
    }

    // Every optional column, some blank: a blank position, start date, phone or funding takes what the merge gives it.
    private static string Line(int serial, long wage = 2_500_000) => string.Create(CultureInfo.InvariantCulture,
        $"{ImportCsv.NikOf(serial)},Pekerja {serial},{ImportCsv.BirthOf(serial):dd/MM/yyyy},{ImportCsv.SexOf(serial)},"
        + $"{(serial % 2 == 0 ? "35.77.02" : "35.77.01")},{(serial % 5 == 0 ? ImportTestDatabase.UnitCode : ImportTestDatabase.AgencyCode)},"
        + $"{(serial % 3 == 0 ? "GTT" : "Honorer")},{wage},{(serial % 3 == 0 ? string.Empty : "Staf")},{(serial % 3 == 0 ? "2025-07-01" : string.Empty)},"
        + $"{(serial % 2 == 0 ? string.Create(CultureInfo.InvariantCulture, $"08123456{serial:00}") : string.Empty)},{(serial % 6 == 0 ? "APBN" : string.Empty)}");
}
