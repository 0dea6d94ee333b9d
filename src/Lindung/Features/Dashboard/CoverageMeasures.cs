using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Dashboard;

/// <summary>
/// Coverage of the whole registry on one day, as snapshot rows (<see cref="CoverageSnapshot"/>):
/// <list type="bullet">
/// <item>per agency and category: non-ASN workers with an employment at the agency in force that day
/// (a worker under Taspen is ASN/PPPK and not counted), and of those, the ones with an ACTIVE
/// membership in force that day;</item>
/// <item>per village of residence: the same roster counts, and residents with any active membership;</item>
/// <item>per regency and segment: active memberships; and per regency the distinct employers (NPP) with active PU members.</item>
/// </list>
/// The heavy counts are GROUP BYs in the database; only the agency roster is joined here.
/// </summary>
internal static class CoverageMeasures
{
    public static async Task<List<CoverageSnapshot>> ComputeAsync(LindungDbContext db, DateOnly day, CancellationToken ct)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        var rows = new List<CoverageSnapshot>();
        var active = db.Memberships.AsNoTracking().CoveredOn(day);

        var covered = (await active.Select(m => m.WorkerId).Distinct().ToListAsync(ct)).ToHashSet();
        var roster = await db.Employments.AsNoTracking().ValidOn(day)
            .Where(e => e.AgencyId != null && e.Worker!.Scheme != SocialSecurityScheme.Taspen)
            .Select(e => new RosterLine(e.AgencyId!.Value, e.Agency!.RegionCode, e.Category, e.WorkerId, e.Worker!.RegionCode))
            .ToListAsync(ct);
        // A worker counts once per agency (two jobs at one agency are still one person to cover).
        var perAgency = roster.DistinctBy(r => (r.AgencyId, r.WorkerId)).ToList();
        rows.AddRange(perAgency
            .GroupBy(r => (r.AgencyId, r.AgencyRegion, r.Category))
            .Select(g => Row(month, day, SnapshotDimension.Agency, g.Key.AgencyId.ToString(), g.Key.AgencyRegion, g.Key.Category,
                eligible: g.Count(), coveredCount: g.Count(r => covered.Contains(r.WorkerId)), activeCount: 0)));

        // A resident counts once in their village however many agencies employ them.
        var residents = perAgency.DistinctBy(r => r.WorkerId).GroupBy(r => r.WorkerRegion)
            .ToDictionary(g => g.Key, g => (Eligible: g.Count(), Covered: g.Count(r => covered.Contains(r.WorkerId))), StringComparer.Ordinal);
        var activeResidents = await db.Workers.AsNoTracking()
            .Where(w => active.Any(m => m.WorkerId == w.Id))
            .GroupBy(w => w.RegionCode)
            .Select(g => new { Region = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Region, x => x.Count, StringComparer.Ordinal, ct);
        foreach (var village in residents.Keys.Union(activeResidents.Keys, StringComparer.Ordinal))
        {
            var (eligible, coveredCount) = residents.GetValueOrDefault(village);
            rows.Add(Row(month, day, SnapshotDimension.Village, village, village, null, eligible, coveredCount, activeResidents.GetValueOrDefault(village)));
        }

        var segments = await active
            .GroupBy(m => new { m.RegionCode, m.Segment })
            .Select(g => new { g.Key.RegionCode, g.Key.Segment, Count = g.Count() })
            .ToListAsync(ct);
        rows.AddRange(segments.Select(s =>
            Row(month, day, SnapshotDimension.Segment, SegmentCodes.Of(s.Segment), s.RegionCode, null, 0, 0, s.Count)));

        var employers = await active
            .Where(m => m.Segment == Segment.Pu && m.EmployerNpp != null)
            .Select(m => new { m.RegionCode, m.EmployerNpp })
            .Distinct()
            .GroupBy(m => m.RegionCode)
            .Select(g => new { Region = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        rows.AddRange(employers.Select(e =>
            Row(month, day, SnapshotDimension.PuEmployers, SegmentCodes.Of(Segment.Pu), e.Region, null, 0, 0, e.Count)));
        return rows;
    }

    private static CoverageSnapshot Row(
        DateOnly month, DateOnly day, SnapshotDimension dimension, string key, string region, WorkerCategory? category, int eligible, int coveredCount, int activeCount) => new()
        {
            Month = month,
            AsOf = day,
            Dimension = dimension,
            Key = key,
            RegionCode = region,
            Category = category,
            Eligible = eligible,
            Covered = coveredCount,
            Active = activeCount,
        };

    private sealed record RosterLine(Guid AgencyId, string AgencyRegion, WorkerCategory Category, Guid WorkerId, string WorkerRegion);
}

/// <summary>The branch's segment codes (PU, BPU, JAKON, PMI), in the order branches report them.</summary>
internal static class SegmentCodes
{
    public static IReadOnlyList<Segment> Ordered { get; } = [Segment.Pu, Segment.Bpu, Segment.Jakon, Segment.Pmi];

    public static string Of(Segment segment) => EnumCodes<Segment>.ToCode(segment);
}
