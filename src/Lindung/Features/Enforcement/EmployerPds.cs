using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Security;

namespace Lindung.Features.Enforcement;

/// <summary>
/// One employer's PDS findings today: its known workers (jobs in force) who are not active PU members
/// under its NPP (PDS Tenaga Kerja), and those who are but with a reported wage below the job's
/// (PDS Upah). Settable members so a query can go on filtering and ordering by them in SQL.
/// </summary>
internal sealed class EmployerPds
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    public string? Npp { get; init; }

    public int? JkkRiskGroup { get; init; }

    public BusinessSize? BusinessSize { get; init; }

    public int Unregistered { get; init; }

    public int WageShort { get; init; }

    /// <summary>
    /// The findings of every employer of <paramref name="employers"/> (those with an NPP), counted in one
    /// query over the jobs and memberships of the caller's regions: what the compliance check finds for
    /// one employer, for all of them at once.
    /// </summary>
    public static IQueryable<EmployerPds> Of(LindungDbContext db, AccessScope scope, IQueryable<Employer> employers, DateOnly today)
    {
        var jobs = EmployersJobs(db, scope, today);
        var members = ActivePuMembers(db, scope, today);
        return employers.Where(e => e.Npp != null).Select(e => new EmployerPds
        {
            Id = e.Id,
            Name = e.Name,
            Npp = e.Npp,
            JkkRiskGroup = e.JkkRiskGroup,
            BusinessSize = e.BusinessSize,
            Unregistered = jobs.Where(j => j.EmployerId == e.Id && !members.Any(m => m.WorkerId == j.WorkerId && m.EmployerNpp == e.Npp))
                .Select(j => j.WorkerId).Distinct().Count(),
            WageShort = jobs.Where(j => j.EmployerId == e.Id && members.Any(m => m.WorkerId == j.WorkerId && m.EmployerNpp == e.Npp && m.ReportedWage < j.MonthlyWage))
                .Select(j => j.WorkerId).Distinct().Count(),
        });
    }

    /// <summary>The employers of <paramref name="employers"/> with no enforcement case running: those still to be chased.</summary>
    public static IQueryable<Employer> WithoutRunningCase(LindungDbContext db, IQueryable<Employer> employers) =>
        employers.Where(e => !db.EnforcementCases.Any(c => c.EmployerId == e.Id && c.Outcome == null));

    /// <summary>The wages of the unregistered workers' jobs of <paramref name="employerIds"/>, counted per (employer, wage).</summary>
    public static IQueryable<UnregisteredWage> UnregisteredWages(LindungDbContext db, AccessScope scope, IReadOnlyCollection<Guid> employerIds, DateOnly today)
    {
        var members = ActivePuMembers(db, scope, today);
        return EmployersJobs(db, scope, today)
            .Where(j => employerIds.Contains(j.EmployerId!.Value) && !members.Any(m => m.WorkerId == j.WorkerId && m.EmployerNpp == j.Employer!.Npp))
            .GroupBy(j => new { EmployerId = j.EmployerId!.Value, j.MonthlyWage })
            .Select(g => new UnregisteredWage(g.Key.EmployerId, g.Key.MonthlyWage, g.Count()));
    }

    /// <summary>Employers' jobs (not agencies') in force today in the caller's regions.</summary>
    private static IQueryable<Employment> EmployersJobs(LindungDbContext db, AccessScope scope, DateOnly today) =>
        db.Employments.InRegions(scope).ValidOn(today).Where(e => e.EmployerId != null);

    /// <summary>Active PU memberships today in the caller's regions: what registers a known worker.</summary>
    private static IQueryable<Membership> ActivePuMembers(LindungDbContext db, AccessScope scope, DateOnly today) =>
        db.Memberships.InRegions(scope).CoveredOn(today).Where(m => m.Segment == Segment.Pu);
}

internal sealed record UnregisteredWage(Guid EmployerId, long MonthlyWage, int Jobs);
