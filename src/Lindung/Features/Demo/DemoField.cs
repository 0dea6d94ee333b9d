using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// The demo field officer's last week: twelve workers of the fostered villages captured house to house
/// (the informal residents not yet funded by a sponsor), a few already contacted or willing, so the
/// leads pipeline has every stage to show.
/// </summary>
internal static class DemoField
{
    public const string Officer = "lapangan@demo.lindung.id";

    public static async Task SeedAsync(LindungDbContext db, DateOnly today, CancellationToken ct)
    {
        var villages = await db.VillageAssignments.AsNoTracking().Where(a => a.RegionCode == DemoRegion.RegionCode).Select(a => a.VillageCode).Distinct().ToListAsync(ct);
        var workers = await db.Workers.AsNoTracking()
            .Where(w => villages.Contains(w.RegionCode))
            .Where(w => !db.Employments.Any(e => e.WorkerId == w.Id && e.ValidTo == null))
            .Where(w => !db.Sponsorships.Any(s => s.WorkerId == w.Id))
            .OrderBy(w => w.Name)
            .Take(12)
            .Select(w => new { w.Id, w.Nik, w.Name, w.Phone, w.RegionCode })
            .ToListAsync(ct);
        var at = today.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        for (var i = 0; i < workers.Count; i++)
        {
            var w = workers[i];
            db.FieldLeads.Add(new FieldLead
            {
                Nik = w.Nik,
                Name = w.Name,
                Occupation = i % 3 == 0 ? "Buruh tani" : i % 3 == 1 ? "Pedagang pasar" : "Ojek pangkalan",
                Phone = w.Phone,
                ConsentToContact = i % 4 != 3,
                WorkerId = w.Id,
                Stage = i < 3 ? LeadStage.Willing : i < 6 ? LeadStage.Contacted : LeadStage.Captured,
                CapturedBy = Officer,
                CapturedAt = at.AddDays(-(i % 7)),
                CaptureId = Guid.CreateVersion7(),
                RegionCode = w.RegionCode,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
