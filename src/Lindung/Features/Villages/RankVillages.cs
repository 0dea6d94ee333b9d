using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Villages;

/// <summary>A fostered village's progress: enrolled residents out of the known ones (and of the working-age population when entered).</summary>
internal sealed record VillageProgress(string Code, string Name, string? DistrictName, IReadOnlyList<string> Agencies, int KnownWorkers, int Enrolled, int? WorkingAgePopulation)
{
    public double? Share => KnownWorkers == 0 ? null : (double)Enrolled / KnownWorkers;
}

/// <summary>An agency's progress over the villages it fosters today.</summary>
internal sealed record AgencyVillageProgress(Guid AgencyId, string AgencyName, int Villages, int KnownWorkers, int Enrolled)
{
    public double? Share => KnownWorkers == 0 ? null : (double)Enrolled / KnownWorkers;
}

internal sealed record VillageRanking(IReadOnlyList<VillageProgress> Villages, IReadOnlyList<AgencyVillageProgress> Agencies);

/// <summary>
/// The fostered villages the caller may see, ranked by the share of their known working residents who
/// are enrolled today, and the agencies ranked by their villages together. Counted by the database per
/// village code: a region's few hundred fostered villages cost a few grouped queries.
/// </summary>
internal sealed class RankVillages(LindungDbContext db, TimeProvider clock)
{
    public async Task<VillageRanking> HandleAsync(AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var open = await VillageAccess.AssignmentsFor(db, scope).AsNoTracking().ValidOn(today)
            .Select(a => new { a.VillageCode, a.AgencyId, AgencyName = a.Agency!.Name })
            .ToListAsync(ct);
        var codes = open.Select(a => a.VillageCode).Distinct().ToList();
        if (codes.Count == 0)
        {
            return new VillageRanking([], []);
        }

        var known = await db.Workers.Where(w => codes.Contains(w.RegionCode))
            .GroupBy(w => w.RegionCode).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Code, x => x.Count, ct);
        var enrolled = await db.Workers.Where(w => codes.Contains(w.RegionCode))
            .Where(w => db.Memberships.CoveredOn(today).Any(m => m.WorkerId == w.Id))
            .GroupBy(w => w.RegionCode).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Code, x => x.Count, ct);
        var population = await db.VillageProfiles.Where(p => codes.Contains(p.VillageCode))
            .ToDictionaryAsync(p => p.VillageCode, p => p.WorkingAgePopulation, ct);

        var areas = AreaDirectory.Embedded;
        var villages = codes.Select(code =>
        {
            var area = areas.Find(code);
            var district = area?.ParentCode is { } d ? areas.Find(d)?.Name : null;
            return new VillageProgress(code, area?.Name ?? code, district,
                [.. open.Where(a => a.VillageCode == code).Select(a => a.AgencyName).Distinct().Order(StringComparer.Ordinal)],
                known.GetValueOrDefault(code), enrolled.GetValueOrDefault(code), population.GetValueOrDefault(code));
        })
            .OrderByDescending(v => v.Share ?? -1).ThenBy(v => v.Name, StringComparer.Ordinal)
            .ToList();

        var agencies = open.GroupBy(a => (a.AgencyId, a.AgencyName))
            .Select(g =>
            {
                var mine = g.Select(a => a.VillageCode).Distinct().ToList();
                return new AgencyVillageProgress(g.Key.AgencyId, g.Key.AgencyName, mine.Count,
                    mine.Sum(c => known.GetValueOrDefault(c)), mine.Sum(c => enrolled.GetValueOrDefault(c)));
            })
            .OrderByDescending(a => a.Share ?? -1).ThenBy(a => a.AgencyName, StringComparer.Ordinal)
            .ToList();
        return new VillageRanking(villages, agencies);
    }
}
