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
/// <item>per regency and segment: active memberships; and per regency the distinct employers (NPP) with active PU members;</item>
/// <item>per employer (NPP) and agency: the PDS flags of the latest reconciliation (<see cref="CoveragePds"/>).</item>
/// </list>
/// Every count is a GROUP BY in the database: with millions of memberships nothing row-by-row
/// crosses into .NET, only the few thousand aggregate rows.
/// </summary>
internal static class CoverageMeasures
{
    public static async Task<List<CoverageSnapshot>> ComputeAsync(LindungDbContext db, DateOnly day, CancellationToken ct)
    {
        // Whole-registry GROUP BYs over millions of memberships outlast the default 30 s command timeout.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsSqlite())
            {
                // Each count probes the memberships' worker index once per roster worker; with SQLite's
                // 2 MB default cache those probes become read calls. A bigger cache and memory-mapped
                // reads keep them in memory (limits, not allocations; they stay with the pooled connection).
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824", ct);
            }

            return await ComputeOnOpenConnectionAsync(db, day, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.Database.SetCommandTimeout(timeout);
        }
    }

    private static async Task<List<CoverageSnapshot>> ComputeOnOpenConnectionAsync(LindungDbContext db, DateOnly day, CancellationToken ct)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        var active = EnumCodes<MembershipStatus>.ToCode(MembershipStatus.Active);
        var taspen = EnumCodes<SocialSecurityScheme>.ToCode(SocialSecurityScheme.Taspen);
        var rows = new List<CoverageSnapshot>();

        // A worker counts once per agency (two jobs at one agency are still one person to cover); the
        // lowest category code stands for them so the split is the same on every run.
        var agencies = await db.Database.SqlQuery<AgencyCount>($"""
            SELECT r.agency_id AS "AgencyId", a.region_code AS "Region", r.category AS "Category", COUNT(*) AS "Eligible",
                   SUM(CASE WHEN EXISTS (SELECT 1 FROM memberships m WHERE m.worker_id = r.worker_id AND m.status = {active}
                        AND m.valid_from <= {day} AND (m.valid_to IS NULL OR m.valid_to > {day})) THEN 1 ELSE 0 END) AS "Covered"
            FROM (SELECT e.agency_id, e.worker_id, MIN(e.category) AS category
                  FROM employments e JOIN workers w ON w.id = e.worker_id
                  WHERE e.agency_id IS NOT NULL AND e.valid_from <= {day} AND (e.valid_to IS NULL OR e.valid_to > {day}) AND w.scheme <> {taspen}
                  GROUP BY e.agency_id, e.worker_id) r
            JOIN agencies a ON a.id = r.agency_id
            GROUP BY r.agency_id, a.region_code, r.category
            """).ToListAsync(ct);
        rows.AddRange(agencies.Select(g => Row(month, day, SnapshotDimension.Agency, g.AgencyId.ToString(), g.Region,
            EnumCodes<WorkerCategory>.Parse(g.Category), (int)g.Eligible, (int)g.Covered, activeCount: 0)));

        // A resident counts once in their village however many agencies employ them.
        var residents = (await db.Database.SqlQuery<RegionCount>($"""
            SELECT w.region_code AS "Region", COUNT(*) AS "Eligible",
                   SUM(CASE WHEN EXISTS (SELECT 1 FROM memberships m WHERE m.worker_id = w.id AND m.status = {active}
                        AND m.valid_from <= {day} AND (m.valid_to IS NULL OR m.valid_to > {day})) THEN 1 ELSE 0 END) AS "Covered"
            FROM workers w
            WHERE w.scheme <> {taspen} AND EXISTS (SELECT 1 FROM employments e WHERE e.worker_id = w.id AND e.agency_id IS NOT NULL
                  AND e.valid_from <= {day} AND (e.valid_to IS NULL OR e.valid_to > {day}))
            GROUP BY w.region_code
            """).ToListAsync(ct)).ToDictionary(r => r.Region, StringComparer.Ordinal);
        var activeResidents = (await db.Database.SqlQuery<RegionCount>($"""
            SELECT w.region_code AS "Region", COUNT(*) AS "Eligible", 0 AS "Covered"
            FROM workers w
            WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.worker_id = w.id AND m.status = {active}
                  AND m.valid_from <= {day} AND (m.valid_to IS NULL OR m.valid_to > {day}))
            GROUP BY w.region_code
            """).ToListAsync(ct)).ToDictionary(r => r.Region, r => r.Eligible, StringComparer.Ordinal);
        foreach (var village in residents.Keys.Union(activeResidents.Keys, StringComparer.Ordinal))
        {
            var roster = residents.GetValueOrDefault(village);
            rows.Add(Row(month, day, SnapshotDimension.Village, village, village, null, (int)(roster?.Eligible ?? 0), (int)(roster?.Covered ?? 0),
                (int)activeResidents.GetValueOrDefault(village)));
        }

        rows.AddRange(await ParticipantsAsync(db, day, ct));
        rows.AddRange(await CoveragePds.ComputeAsync(db, month, day, ct));
        return rows;
    }

    /// <summary>
    /// Per regency on <paramref name="day"/>: active memberships per segment (<see cref="SnapshotDimension.Segment"/>)
    /// and the distinct employers with active PU members (<see cref="SnapshotDimension.PuEmployers"/>), each
    /// employer once, in its own region. The figures a branch quotes; branch reports sum them over a working area.
    /// </summary>
    public static async Task<List<CoverageSnapshot>> ParticipantsAsync(LindungDbContext db, DateOnly day, CancellationToken ct)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        var active = EnumCodes<MembershipStatus>.ToCode(MembershipStatus.Active);
        var pu = EnumCodes<Segment>.ToCode(Segment.Pu);
        var rows = new List<CoverageSnapshot>();

        var segments = await db.Database.SqlQuery<SegmentCount>($"""
            SELECT m.region_code AS "Region", m.segment AS "Segment", COUNT(*) AS "Count"
            FROM memberships m
            WHERE m.status = {active} AND m.valid_from <= {day} AND (m.valid_to IS NULL OR m.valid_to > {day})
            GROUP BY m.region_code, m.segment
            """).ToListAsync(ct);
        rows.AddRange(segments.Select(s => Row(month, day, SnapshotDimension.Segment, s.Segment, s.Region, null, 0, 0, (int)s.Count)));

        // An employer counts once, in its own region: the employer record's, else the region of the
        // extract that reported it, else one of its members' (a branch extract lists members by the
        // regency they live in, so counting per member region counted an employer once per regency).
        var employers = await db.Database.SqlQuery<SegmentCount>($"""
            SELECT t.region AS "Region", {pu} AS "Segment", COUNT(*) AS "Count"
            FROM (SELECT m.employer_npp AS npp,
                         COALESCE(MIN(emp.region_code), MIN(x.region_code), MIN(m.region_code)) AS region
                  FROM memberships m
                  LEFT JOIN employers emp ON emp.npp = m.employer_npp
                  LEFT JOIN membership_extracts x ON x.id = m.source_extract_id
                  WHERE m.status = {active} AND m.segment = {pu} AND m.employer_npp IS NOT NULL
                    AND m.valid_from <= {day} AND (m.valid_to IS NULL OR m.valid_to > {day})
                  GROUP BY m.employer_npp) t
            GROUP BY t.region
            """).ToListAsync(ct);
        rows.AddRange(employers.Select(e => Row(month, day, SnapshotDimension.PuEmployers, pu, e.Region, null, 0, 0, (int)e.Count)));

        return rows;
    }

    public static CoverageSnapshot Row(
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

    // Counts come back as bigint on PostgreSQL, so long here.
    private sealed record AgencyCount(Guid AgencyId, string Region, string Category, long Eligible, long Covered);

    private sealed record RegionCount(string Region, long Eligible, long Covered);

    private sealed record SegmentCount(string Region, string Segment, long Count);
}

/// <summary>The branch's segment codes (PU, BPU, JAKON, PMI), in the order branches report them.</summary>
internal static class SegmentCodes
{
    public static IReadOnlyList<Segment> Ordered { get; } = [Segment.Pu, Segment.Bpu, Segment.Jakon, Segment.Pmi];

    public static string Of(Segment segment) => EnumCodes<Segment>.ToCode(segment);
}
