using Lindung.Data.Entities;
using Lindung.Features.Imports;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// A roster is merged chunk by chunk while the rest of the file is still being validated. Chunks of
/// 7 rows (boundaries everywhere: new and registered people, units, rejected rows in one chunk) must
/// leave the registry exactly as one chunk for the whole file does, through a first import, an
/// unchanged re-import and a changed roster that ends the missing.
/// </summary>
public sealed class ImportChunkTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Small_chunks_leave_the_registry_one_pass_leaves(string provider)
    {
        var small = await ReplayAsync(provider, chunkRows: 7);
        var whole = await ReplayAsync(provider, chunkRows: 100_000);

        Assert.Equal(whole.Contents, small.Contents);
        Assert.Equal(whole.Counts, small.Counts);
        Assert.Equal(
            [
                (11, 0, 0, 0), // RSUD: 11 new workers and jobs
                (44, 0, 0, 0), // first DISDIK roster: 40 new people, 4 already at RSUD
                (0, 0, 44, 0), // the same file again changes nothing
                (11, 5, 30, 8), // 10 new + 1 moved to the unit; 5 new wages; 1, 2, 4, 105–108 and the moved job ended
            ],
            small.Counts);
        Assert.Contains("E|" + ImportCsv.NikOf(3) + "|DISDIK|HONORER|Staf|2500000|APBD|2026-02-01||35.77", small.Contents, StringComparison.Ordinal);
        Assert.Contains("E|" + ImportCsv.NikOf(105) + "|RSUD|HONORER|Staf|2500000|APBD|2026-01-01||35.77", small.Contents, StringComparison.Ordinal);
        Assert.Contains("E|" + ImportCsv.NikOf(105) + "|DISDIK|HONORER|Staf|2500000|APBD|2026-02-01|2026-03-01|35.77", small.Contents, StringComparison.Ordinal);
        Assert.Contains("E|" + ImportCsv.NikOf(12) + "|DISDIK|HONORER|Staf|3100000|APBD|2026-03-01||35.77", small.Contents, StringComparison.Ordinal);
        Assert.Contains("E|" + ImportCsv.NikOf(20) + "|SDN-01|HONORER|Staf|2500000|APBD|2026-03-01||35.77", small.Contents, StringComparison.Ordinal);
    }

    private static async Task<(string Contents, List<(int, int, int, int)> Counts)> ReplayAsync(string provider, int chunkRows)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var dir = database.Directory.Path;
        var rsud = ImportCsv.Write(dir, "rsud.csv", ImportCsv.RosterHeader, Enumerable.Range(100, 11).Select(i => ImportCsv.RosterLine(i, agency: "RSUD")));
        var first = ImportCsv.Write(dir, "first.csv", ImportCsv.RosterHeader,
            Enumerable.Range(1, 40).Select(i => ImportCsv.RosterLine(i, agency: i > 30 ? ImportTestDatabase.UnitCode : ImportTestDatabase.AgencyCode))
                .Concat(Enumerable.Range(105, 4).Select(i => ImportCsv.RosterLine(i))));
        var second = ImportCsv.Write(dir, "second.csv", ImportCsv.RosterHeader,
            Enumerable.Range(5, 46).Select(i => ImportCsv.RosterLine(
                    i,
                    wage: i is >= 10 and <= 14 ? 3_100_000 : 2_500_000,
                    agency: i > 30 && i <= 40 || i == 20 ? ImportTestDatabase.UnitCode : ImportTestDatabase.AgencyCode))
                .Append(ImportCsv.RosterLine(3).Replace(",2500000,", ",abc,", StringComparison.Ordinal)));

        var counts = new List<(int, int, int, int)>();
        foreach (var (file, agency, day, mode) in new[]
        {
            (rsud, "RSUD", new DateOnly(2026, 1, 1), CommitMode.AllOrNothing),
            (first, ImportTestDatabase.AgencyCode, new DateOnly(2026, 2, 1), CommitMode.AllOrNothing),
            (first, ImportTestDatabase.AgencyCode, new DateOnly(2026, 2, 1), CommitMode.AllOrNothing),
            (second, ImportTestDatabase.AgencyCode, new DateOnly(2026, 3, 1), CommitMode.ValidRowsOnly),
        })
        {
            var request = new ImportRequest(ImportKind.Roster, file, Path.GetFileName(file), agency, null, mode, EffectiveDate: day, RosterMode: RosterMode.Replace, Confirm: ImportConfirmation.Forced());
            var outcome = await database.NewRunner(chunkRows).RunAsync(request, null, CancellationToken.None);
            Assert.True(outcome.Committed);
            counts.Add((outcome.Inserted, outcome.Updated, outcome.Unchanged, outcome.Ended));
        }

        return (await database.ContentsAsync(), counts);
    }
}
