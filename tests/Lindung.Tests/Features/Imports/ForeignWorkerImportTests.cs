using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Imports;
using Lindung.Features.Reconciliation;
using Lindung.Features.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// Foreign workers without a NIK, on SQLite and PostgreSQL: a roster names them by passport/KITAS
/// and nationality, a branch's extract names the same document, and reconciliation ties them.
/// </summary>
public sealed class ForeignWorkerImportTests
{
    private const string RosterHeader = ImportCsv.RosterHeader + ",paspor,kewarganegaraan,tanggal_mulai";
    private const string MembersHeader = ImportCsv.MembersHeader + ",no_paspor,warga_negara";

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_foreign_worker_is_registered_once_by_document_and_matched_to_the_extract_by_it(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        string[] roster =
        [
            ImportCsv.RosterLine(1) + ",,,",
            ",Li Wei,04/03/1985,L,35.77.01,DISDIK,Kontrak,9000000,Tenaga Ahli,E12345678,Tiongkok,2025-01-02",
            ",Kim Min-jun,10/10/1990,L,35.77.01,DISDIK,Kontrak,9000000,Tenaga Ahli,M98765432,Korea Selatan,2025-01-02",
            $",Tanaka Hiro,01/02/1988,L,35.77.01,DISDIK,Kontrak,9000000,Tenaga Ahli,TK1234567,JPN,{DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2):yyyy-MM-dd}",
        ];

        var first = await ImportAsync(database, ImportKind.Roster, RosterHeader, roster);
        var again = await ImportAsync(database, ImportKind.Roster, RosterHeader, roster);

        Assert.Equal((4, 4), (first.RowsValid, first.Inserted));
        Assert.Equal(0, again.Inserted);
        var chinese = new ForeignIdentity("CHN", "E12345678");
        using (var scope = database.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var li = await db.Workers.AsNoTracking().SingleAsync(w => w.Nik == chinese.RegistryKey);
            Assert.Equal(("Li Wei", "CHN", "E12345678", "35.77.01"), (li.Name, li.Nationality, li.TravelDocument, li.RegionCode));
            Assert.Equal(4, await db.Workers.CountAsync());
        }

        // The branch writes the passport its own way; the card joins the roster's worker, nobody new is registered.
        await ImportAsync(database, ImportKind.Members, MembersHeader,
        [
            ImportCsv.MemberLine(1, "11111111111") + ",,",
            "22222222222,,LI WEI,1985-03-04,L,PU,12345678,AKTIF,JKK+JKM,9000000,2026-11,e 1234 5678,CHN",
        ]);

        using (var scope = database.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            Assert.Equal(4, await db.Workers.CountAsync());
            var card = await db.Memberships.AsNoTracking().SingleAsync(m => m.Kpj == "22222222222");
            var holder = await db.Workers.AsNoTracking().SingleAsync(w => w.Id == card.WorkerId);
            Assert.Equal((chinese.RegistryKey, "35.77"), (holder.Nik, card.RegionCode));
            var found = await WorkerSearch.Apply(db.Workers, "e1234-5678", DateOnly.FromDateTime(DateTime.UtcNow)).Select(w => w.Name).ToListAsync();
            Assert.Equal(["Li Wei"], found);

            var run = await ReconciliationRunner.RunAsync(db, ImportTestDatabase.Region, null, "tester", Lindung.Features.Contributions.RateBookLoader.BuiltIn(), TimeProvider.System, CancellationToken.None);
            var outcomes = await db.ReconciliationResults.AsNoTracking().Where(r => r.RunId == run.Id)
                .Join(db.Workers, r => r.WorkerId, w => w.Id, (r, w) => new { w.Name, r.Outcome, r.Method })
                .ToDictionaryAsync(r => r.Name, r => (r.Outcome, r.Method));
            Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.Nik), outcomes["Li Wei"]);
            // Kim has worked here for more than six months and is no member: a gap. Tanaka started two
            // months ago: not yet required (UU 24/2011 art. 14), so in no gap, only counted on the run.
            Assert.Equal(ReconcileOutcome.NotRegistered, outcomes["Kim Min-jun"].Outcome);
            Assert.False(outcomes.ContainsKey("Tanaka Hiro"));
            Assert.Equal((3, 1, 1), (run.RosterRows, run.NotRegistered, run.ForeignNotYetDue));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_foreign_row_with_a_bad_document_or_nationality_is_named_and_nothing_is_written(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var before = await database.FingerprintAsync();
        var file = ImportCsv.Write(database.Directory.Path, "roster.csv", RosterHeader,
        [
            ",Li Wei,04/03/1985,L,35.77.01,DISDIK,Kontrak,9000000,Tenaga Ahli,E12,Tiongkok",
            ",Budi,04/03/1985,L,35.77.01,DISDIK,Kontrak,9000000,Tenaga Ahli,B1234567,Indonesia",
            ",Tan,04/03/1985,L,35.77.01,DISDIK,Kontrak,9000000,Tenaga Ahli,A1234567,Atlantis",
        ]);

        var outcome = await database.NewRunner().RunAsync(
            new ImportRequest(ImportKind.Roster, file, "roster.csv", ImportTestDatabase.AgencyCode, null, CommitMode.AllOrNothing), null, CancellationToken.None);

        Assert.False(outcome.Committed);
        var report = await File.ReadAllTextAsync(outcome.ReportCsvPath!);
        // Each refusal names the row and the column as the file wrote its header.
        Assert.Matches("(?m)^2,paspor,.*FOREIGN_DOCUMENT_INVALID", report);
        Assert.Matches("(?m)^3,kewarganegaraan,.*NATIONALITY_INDONESIAN", report);
        Assert.Matches("(?m)^4,kewarganegaraan,.*NATIONALITY_UNKNOWN", report);
        Assert.Equal(before, await database.FingerprintAsync());
    }

    private static async Task<ImportOutcome> ImportAsync(ImportTestDatabase database, ImportKind kind, string header, IEnumerable<string> lines)
    {
        var file = ImportCsv.Write(database.Directory.Path, $"{kind}-{Guid.NewGuid():N}.csv", header, lines);
        var request = new ImportRequest(kind, file, Path.GetFileName(file), kind == ImportKind.Roster ? ImportTestDatabase.AgencyCode : null, null, CommitMode.AllOrNothing);
        var outcome = await database.NewRunner().RunAsync(request, null, CancellationToken.None);
        Assert.True(outcome.Committed, string.Join("; ", outcome.FirstIssues));
        return outcome;
    }
}
