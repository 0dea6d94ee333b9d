using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Dashboard;

namespace Lindung.Features.Demo;

/// <summary>
/// What makes the demo dashboard alive: working-population figures (BPS-like, marked DEMO, not
/// official) for the UCJ ratio, and a year of monthly snapshots computed from the seeded history,
/// whose registrations spread over past months so the trend rises as it would in a real region.
/// </summary>
internal static class DemoDashboard
{
    public const string Source = "DEMO — angka ilustrasi, bukan data resmi BPS";

    public static async Task SeedAsync(LindungDbContext db, DateOnly today, CancellationToken ct)
    {
        db.WorkingPopulations.AddRange(
            new WorkingPopulation { RegionCode = DemoRegion.RegionCode, Year = today.Year, Population = 104_350, Source = Source },
            new WorkingPopulation { RegionCode = DemoRegion.RegionCode, Year = today.Year - 1, Population = 102_900, Source = Source },
            new WorkingPopulation { RegionCode = DemoPeople.KabupatenMadiun, Year = today.Year, Population = 412_800, Source = Source });
        await db.SaveChangesAsync(ct);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(CoverageReportBuilder.TrendMonths - 1));
        await CoverageSnapshots.BackfillAsync(db, first, today, ct);
    }
}
