using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// "Satu OPD Satu Desa Dampingan" in the demo city: the six villages where most known workers live,
/// two each for Dinas Lingkungan Hidup (the demo operator's agency), Dinas PUPR and Satpol PP since six
/// months ago, with a working-age population for each, so the villages pages and ranking have something to show.
/// </summary>
internal static class DemoVillages
{
    public static async Task SeedAsync(LindungDbContext db, DateOnly today, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.RegionCode == DemoRegion.RegionCode && (a.Code == DemoAgencies.Dlh || a.Code == DemoProcurement.PuprCode || a.Code == DemoProcurement.SatpolCode))
            .OrderBy(a => a.Code == DemoAgencies.Dlh ? 0 : 1).ThenBy(a => a.Code)
            .Select(a => a.Id)
            .ToListAsync(ct);
        var villages = await db.Workers.AsNoTracking()
            .Where(w => w.RegionCode.Length == 13 && w.RegionCode.StartsWith(DemoRegion.RegionCode))
            .GroupBy(w => w.RegionCode)
            .Select(g => new { Code = g.Key, Residents = g.Count() })
            .OrderByDescending(v => v.Residents).ThenBy(v => v.Code)
            .Take(2 * agencies.Count)
            .ToListAsync(ct);
        for (var i = 0; i < villages.Count; i++)
        {
            db.VillageAssignments.Add(new VillageAssignment
            {
                AgencyId = agencies[i % agencies.Count],
                VillageCode = villages[i].Code,
                RegionCode = DemoRegion.RegionCode,
                ValidFrom = today.AddMonths(-6),
            });
            db.VillageProfiles.Add(new VillageProfile
            {
                VillageCode = villages[i].Code,
                RegionCode = DemoRegion.RegionCode,
                WorkingAgePopulation = villages[i].Residents * 4,
                PopulationAsOf = today.AddMonths(-1),
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
