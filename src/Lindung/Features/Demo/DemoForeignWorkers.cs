using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// Three foreign specialists at RSUD Kota Madiun, known by passport or KITAS: one a member, one past
/// six months of work without a membership (a gap), one who started two months ago (not yet required).
/// </summary>
internal static class DemoForeignWorkers
{
    private static readonly (string Name, DateOnly Birth, Sex Sex, string Nationality, string Document, string Position, int MonthsWorked, string? Kpj)[] People =
    [
        ("Li Wei", new(1979, 4, 12), Sex.L, "CHN", "E48213377", "Tenaga ahli kardiologi", 30, "99088812345"),
        ("Park Ji-yeon", new(1986, 9, 3), Sex.P, "KOR", "M70931245", "Fisioterapis", 10, null),
        ("Tanaka Hiroshi", new(1975, 1, 27), Sex.L, "JPN", "TZ1180442", "Tenaga ahli radiologi", 2, null),
    ];

    /// <returns>The workers, employments and memberships added (the demo's result counts them).</returns>
    public static async Task<(int Workers, int Employments, int Memberships)> SeedAsync(LindungDbContext db, DateOnly today, CancellationToken ct)
    {
        var rsud = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == DemoAgencies.Rsud, ct);
        // They live where the hospital's other staff live, and their cards carry the hospital's NPP.
        var colleague = await db.Employments.AsNoTracking().Where(e => e.AgencyId == rsud.Id)
            .Join(db.Memberships, e => e.WorkerId, m => m.WorkerId, (e, m) => new { m.EmployerNpp, m.SourceExtractId, e.WorkerId })
            .Where(x => x.EmployerNpp != null)
            .Join(db.Workers, x => x.WorkerId, w => w.Id, (x, w) => new { x.EmployerNpp, x.SourceExtractId, w.RegionCode })
            .FirstAsync(ct);
        foreach (var person in People)
        {
            var identity = new ForeignIdentity(person.Nationality, person.Document);
            var worker = new Worker
            {
                Nik = identity.RegistryKey,
                Name = person.Name,
                BirthDate = person.Birth,
                Sex = person.Sex,
                RegionCode = colleague.RegionCode,
                Nationality = identity.Nationality,
                TravelDocument = identity.Document,
            };
            var start = today.AddMonths(-person.MonthsWorked);
            db.Workers.Add(worker);
            db.Employments.Add(new Employment
            {
                WorkerId = worker.Id,
                AgencyId = rsud.Id,
                Category = WorkerCategory.Kontrak,
                Position = person.Position,
                MonthlyWage = 7_000_000,
                FundingSource = FundingSource.Blud,
                ValidFrom = start,
                RegionCode = rsud.RegionCode,
            });
            if (person.Kpj is { } kpj)
            {
                db.Memberships.Add(new Membership
                {
                    Kpj = kpj,
                    WorkerId = worker.Id,
                    Segment = Segment.Pu,
                    EmployerNpp = colleague.EmployerNpp,
                    SourceExtractId = colleague.SourceExtractId,
                    Programs = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht | ProgramSet.Jp,
                    Status = MembershipStatus.Active,
                    ReportedWage = 7_000_000,
                    LastPaidMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1),
                    ValidFrom = start.AddMonths(1),
                    RegionCode = rsud.RegionCode,
                });
            }
        }

        await db.SaveChangesAsync(ct);
        var members = People.Count(p => p.Kpj is not null);
        // The cards are rows of the branch's extract, as every demo card is.
        await db.MembershipExtracts.Where(x => x.Id == colleague.SourceExtractId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.RowCount, x => x.RowCount + members), ct);
        return (People.Length, People.Length, members);
    }
}
