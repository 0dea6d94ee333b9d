using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Budget;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// Three informal workers' groups in the demo city, from the workers with no job on record: a farmers'
/// group under Dinas Pertanian and the Quran teachers under the Sekretariat Daerah (Kesra), both paid by
/// the APBD, and the waste pickers fostered by Dinas Lingkungan Hidup (the demo operator's agency) for a sponsor.
/// </summary>
internal static class DemoGroups
{
    public static async Task SeedAsync(LindungDbContext db, DateOnly today, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.RegionCode == DemoRegion.RegionCode && (a.Code == "3.27.01" || a.Code == "4.01.01" || a.Code == DemoAgencies.Dlh))
            .ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var informal = await db.Workers.AsNoTracking()
            .Where(w => w.RegionCode.Length == 13 && w.RegionCode.StartsWith(DemoRegion.RegionCode))
            .Where(w => !db.Employments.Any(e => e.WorkerId == w.Id && e.ValidTo == null))
            .OrderBy(w => w.Nik)
            .Select(w => new { w.Id, w.RegionCode })
            .Take(30)
            .ToListAsync(ct);
        if (agencies.Count < 3 || informal.Count < 30)
        {
            return;
        }

        (string Name, string Kind, string Agency, BudgetPayer Payer, int Skip, int Take, string Occupation, long? Income)[] groups =
        [
            ("Kelompok Tani Sumber Makmur", "kelompok_tani", "3.27.01", BudgetPayer.Apbd, 0, 12, "Petani", null),
            ("Guru Ngaji Kota Madiun", "guru_ngaji", "4.01.01", BudgetPayer.Apbd, 12, 10, "Guru ngaji", 1_000_000),
            ("Pemulung Bank Sampah Hijau", "lainnya", DemoAgencies.Dlh, BudgetPayer.Sponsor, 22, 8, "Pemulung", 1_500_000),
        ];
        foreach (var (name, kind, agency, payer, skip, take, occupation, income) in groups)
        {
            var members = informal.Skip(skip).Take(take).ToList();
            var group = new WorkerGroup { Name = name, KindCode = kind, AgencyId = agencies[agency], VillageCode = members[0].RegionCode, Payer = payer, RegionCode = DemoRegion.RegionCode };
            db.WorkerGroups.Add(group);
            db.GroupMembers.AddRange(members.Select(m => new GroupMember
            {
                GroupId = group.Id,
                WorkerId = m.Id,
                Occupation = occupation,
                MonthlyIncome = income,
                JoinedOn = today.AddMonths(-3),
                RegionCode = DemoRegion.RegionCode,
            }));
        }

        await db.SaveChangesAsync(ct);
    }
}
