using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Dashboard;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Agencies;

/// <summary>One agency's roster today and how much of it is covered.</summary>
internal sealed record AgencyCoverageRow(Guid Id, string Code, string Name, AgencyKind Kind, string RegionCode, int Workers, int Covered, string? Institution = null)
{
    public double Share => Workers == 0 ? 0 : (double)Covered / Workers;

    /// <summary>A central institution's office or madrasah rather than the Pemda's own agency.</summary>
    public bool Vertical => AgencyKinds.IsVertical(Kind);
}

internal static class AgencyCoverage
{
    /// <summary>
    /// Per agency the user may see: non-ASN workers with an employment there in force today, and of
    /// those the ones with an ACTIVE membership, from the current month's coverage snapshot (refreshed
    /// after every import, reconciliation and edit burst, taken now if the month has none): the list
    /// costs one read per agency whatever the rosters' size. Returns the rows and when the figures were taken.
    /// </summary>
    public static async Task<(List<AgencyCoverageRow> Rows, DateTime? TakenAt)> ListAsync(LindungDbContext db, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        await CoverageSnapshots.EnsureCurrentAsync(db, today, ct);
        var month = new DateOnly(today.Year, today.Month, 1);
        var agencies = await db.AgenciesFor(scope).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Code, a.Name, a.Kind, a.RegionCode, a.Institution })
            .ToListAsync(ct);
        var regions = agencies.Select(a => a.RegionCode).Distinct(StringComparer.Ordinal).ToList();
        var counts = await db.CoverageSnapshots.AsNoTracking()
            .Where(s => s.Month == month && s.Dimension == SnapshotDimension.Agency && regions.Contains(s.RegionCode))
            .GroupBy(s => s.Key)
            .Select(g => new { g.Key, Eligible = g.Sum(s => s.Eligible), Covered = g.Sum(s => s.Covered), TakenAt = g.Max(s => s.TakenAt) })
            .ToDictionaryAsync(g => g.Key, StringComparer.OrdinalIgnoreCase, ct);
        var rows = agencies.Select(a => counts.TryGetValue(a.Id.ToString(), out var c)
                ? new AgencyCoverageRow(a.Id, a.Code, a.Name, a.Kind, a.RegionCode, c.Eligible, c.Covered, a.Institution)
                : new AgencyCoverageRow(a.Id, a.Code, a.Name, a.Kind, a.RegionCode, 0, 0, a.Institution))
            .ToList();
        return (rows, counts.Count == 0 ? null : counts.Values.Max(c => c.TakenAt));
    }

    /// <summary>
    /// One agency's figures from the current month's coverage snapshot, the ones the agency list and
    /// the dashboard show: non-ASN workers with an employment in force and the covered among them, and
    /// when they were taken (null before the agency's first snapshot). Counted live they cost a probe of
    /// every worker's memberships — seconds for an agency of 150,000 — where this is one indexed read.
    /// </summary>
    public static async Task<(int Workers, int Covered, DateTime? TakenAt)> OfAgencyAsync(LindungDbContext db, Agency agency, DateOnly today, CancellationToken ct)
    {
        await CoverageSnapshots.EnsureCurrentAsync(db, today, ct);
        var month = new DateOnly(today.Year, today.Month, 1);
        var key = agency.Id.ToString();
        var rows = await db.CoverageSnapshots.AsNoTracking()
            .Where(s => s.Month == month && s.Dimension == SnapshotDimension.Agency && s.Key == key && s.RegionCode == agency.RegionCode)
            .Select(s => new { s.Eligible, s.Covered, s.TakenAt })
            .ToListAsync(ct);
        return (rows.Sum(r => r.Eligible), rows.Sum(r => r.Covered), rows.Count == 0 ? null : rows.Max(r => r.TakenAt));
    }
}
