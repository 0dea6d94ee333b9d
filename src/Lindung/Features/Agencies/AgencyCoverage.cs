using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Agencies;

/// <summary>One agency's roster today and how much of it is covered.</summary>
internal sealed record AgencyCoverageRow(Guid Id, string Code, string Name, AgencyKind Kind, string RegionCode, int Workers, int Covered)
{
    public double Share => Workers == 0 ? 0 : (double)Covered / Workers;
}

internal static class AgencyCoverage
{
    /// <summary>
    /// Per agency the user may see: distinct workers with an employment there in force today, and
    /// of those, the ones with an ACTIVE membership in force today.
    /// </summary>
    public static Task<List<AgencyCoverageRow>> ListAsync(LindungDbContext db, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var roster = db.EmploymentsFor(scope).ValidOn(today).Where(e => e.AgencyId != null);
        var covered = db.MembershipsFor(scope).CoveredOn(today).Select(m => m.WorkerId);
        return db.AgenciesFor(scope)
            .OrderBy(a => a.Name)
            .Select(a => new AgencyCoverageRow(
                a.Id,
                a.Code,
                a.Name,
                a.Kind,
                a.RegionCode,
                roster.Where(e => e.AgencyId == a.Id).Select(e => e.WorkerId).Distinct().Count(),
                roster.Where(e => e.AgencyId == a.Id && covered.Contains(e.WorkerId)).Select(e => e.WorkerId).Distinct().Count()))
            .ToListAsync(ct);
    }
}
