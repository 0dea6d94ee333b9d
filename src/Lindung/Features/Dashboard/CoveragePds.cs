using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Dashboard;

/// <summary>
/// PDS (Perusahaan Daftar Sebagian) flags per employer, from each agency's latest finished
/// reconciliation up to the day: a matched worker belongs to the employer (NPP) its KPJ is
/// registered under; PDS Upah and PDS Program are the matched workers flagged WAGE_UNDERREPORTED and
/// PROGRAM_MISSING; PDS Tenaga Kerja are the agency's roster workers with no membership at all,
/// placed with the NPP that registers most of the agency's other workers — the data only says the
/// employer is registered when some of its roster is. An agency with no registered worker has no
/// NPP to blame and yields no PDS Tenaga Kerja row (it is a coverage gap, shown elsewhere).
/// </summary>
internal static class CoveragePds
{
    public static async Task<List<CoverageSnapshot>> ComputeAsync(LindungDbContext db, DateOnly month, DateOnly day, CancellationToken ct)
    {
        var notRegistered = EnumCodes<ReconcileOutcome>.ToCode(ReconcileOutcome.NotRegistered);
        // The NPP is the open version's: the employer the KPJ is registered with now.
        var groups = await db.Database.SqlQuery<ResultGroup>($"""
            SELECT x.run_id AS "RunId", x.started_at AS "StartedAt", x.agency_id AS "AgencyId", x.region_code AS "Region", x.npp AS "Npp",
                   SUM(CASE WHEN x.outcome = {notRegistered} THEN 1 ELSE 0 END) AS "NotRegistered",
                   SUM(CASE WHEN x.npp IS NOT NULL THEN 1 ELSE 0 END) AS "Registered",
                   SUM(CASE WHEN x.wage_underreported THEN 1 ELSE 0 END) AS "Wage",
                   SUM(CASE WHEN x.program_missing THEN 1 ELSE 0 END) AS "Program"
            FROM (SELECT r.run_id, u.started_at, r.agency_id, r.region_code, r.outcome, r.wage_underreported, r.program_missing,
                         (SELECT m.employer_npp FROM memberships m WHERE m.kpj = r.kpj AND m.valid_to IS NULL) AS npp
                  FROM reconciliation_results r JOIN reconciliation_runs u ON u.id = r.run_id
                  WHERE u.finished_at IS NOT NULL AND u.as_of <= {day}) x
            GROUP BY x.run_id, x.started_at, x.agency_id, x.region_code, x.npp
            """).ToListAsync(ct);

        var rows = new List<CoverageSnapshot>();
        foreach (var agency in groups.GroupBy(g => g.AgencyId))
        {
            var latest = agency.MaxBy(g => g.StartedAt)!.RunId;
            var lines = agency.Where(g => g.RunId == latest).ToList();
            var employers = lines.Where(g => g.Npp is not null).OrderByDescending(g => g.Registered).ThenBy(g => g.Npp, StringComparer.Ordinal).ToList();
            if (employers.Count == 0)
            {
                continue;
            }

            var unregistered = lines.Sum(g => g.NotRegistered);
            for (var i = 0; i < employers.Count; i++)
            {
                var e = employers[i];
                var key = Key(e.Npp!, agency.Key);
                var missing = i == 0 ? (int)unregistered : 0;
                rows.Add(CoverageMeasures.Row(month, day, SnapshotDimension.PdsWorkers, key, e.Region, null, (int)e.Registered + missing, (int)e.Registered, missing));
                rows.Add(CoverageMeasures.Row(month, day, SnapshotDimension.PdsWage, key, e.Region, null, 0, 0, (int)e.Wage));
                rows.Add(CoverageMeasures.Row(month, day, SnapshotDimension.PdsProgram, key, e.Region, null, 0, 0, (int)e.Program));
            }
        }

        return rows;
    }

    /// <summary>The agency id (32 hex digits) then the NPP: fits the 40 characters of a snapshot key.</summary>
    public static string Key(string npp, Guid agencyId) => agencyId.ToString("N") + npp;

    /// <summary>The NPP and the agency of a PDS row's key.</summary>
    public static (string Npp, Guid Agency) Split(string key) => (key[32..], Guid.ParseExact(key[..32], "N"));

    // Counts come back as bigint on PostgreSQL, so long here.
    private sealed record ResultGroup(Guid RunId, DateTime StartedAt, Guid AgencyId, string Region, string? Npp, long NotRegistered, long Registered, long Wage, long Program);
}
