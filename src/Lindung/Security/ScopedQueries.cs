using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Imports;

namespace Lindung.Security;

/// <summary>
/// The registry as one user may see it. A user with the explicit whole-installation scope sees
/// every region; anyone else only their listed regions, so a user with none sees nothing (a
/// forgotten region fails closed); an agency operator only their own agency and the people who
/// work or worked there. Everyone else sees no personal records (leaders get aggregates,
/// auditors the audit log).
/// </summary>
internal static class ScopedQueries
{
    public static IQueryable<Agency> AgenciesFor(this LindungDbContext db, AccessScope scope)
    {
        if (scope.SeesRegion || scope.IsIn(LindungRoles.Leader))
        {
            return InRegions(db.Agencies, scope);
        }

        return scope.OperatesAgency ? db.Agencies.Where(a => a.Id == scope.AgencyId) : db.Agencies.Where(_ => false);
    }

    public static IQueryable<Worker> WorkersFor(this LindungDbContext db, AccessScope scope)
    {
        if (scope.SeesRegion)
        {
            if (scope.WholeInstallation)
            {
                return db.Workers;
            }

            var inRegion = RegionFilter.Within<Employment>(scope.RegionCodes);
            var employedInRegion = db.Employments.Where(inRegion).Select(e => e.WorkerId);
            var livesInRegion = db.Workers.Where(RegionFilter.Within<Worker>(scope.RegionCodes)).Select(w => w.Id);
            return db.Workers.Where(w => employedInRegion.Contains(w.Id) || livesInRegion.Contains(w.Id));
        }

        if (scope.OperatesAgency)
        {
            var staff = db.Employments.Where(e => e.AgencyId == scope.AgencyId).Select(e => e.WorkerId);
            return db.Workers.Where(w => staff.Contains(w.Id));
        }

        return db.Workers.Where(_ => false);
    }

    public static IQueryable<Employment> EmploymentsFor(this LindungDbContext db, AccessScope scope)
    {
        if (scope.SeesRegion)
        {
            return InRegions(db.Employments, scope);
        }

        return scope.OperatesAgency ? db.Employments.Where(e => e.AgencyId == scope.AgencyId) : db.Employments.Where(_ => false);
    }

    /// <summary>Memberships of the workers this user may see.</summary>
    public static IQueryable<Membership> MembershipsFor(this LindungDbContext db, AccessScope scope)
    {
        var workers = db.WorkersFor(scope).Select(w => w.Id);
        return db.Memberships.Where(m => workers.Contains(m.WorkerId));
    }

    public static IQueryable<Employer> EmployersFor(this LindungDbContext db, AccessScope scope) =>
        scope.SeesRegion || scope.IsIn(LindungRoles.LicensingOfficer) || scope.IsIn(LindungRoles.Leader)
            ? InRegions(db.Employers, scope)
            : db.Employers.Where(_ => false);

    /// <summary>
    /// Reconciliation results (personal: one per roster worker): regional roles and leaders those of
    /// their regions, an agency operator their own agency's rows only.
    /// </summary>
    public static IQueryable<ReconciliationResult> ReconciliationResultsFor(this LindungDbContext db, AccessScope scope)
    {
        if (scope.SeesRegion || scope.IsIn(LindungRoles.Leader))
        {
            return InRegions(db.ReconciliationResults, scope);
        }

        return scope.OperatesAgency
            ? db.ReconciliationResults.Where(r => r.AgencyId == scope.AgencyId)
            : db.ReconciliationResults.Where(_ => false);
    }

    /// <summary>Runs of the user's regions; for an agency operator, the runs that reconciled their agency.</summary>
    public static IQueryable<ReconciliationRun> ReconciliationRunsFor(this LindungDbContext db, AccessScope scope)
    {
        if (scope.SeesRegion || scope.IsIn(LindungRoles.Leader))
        {
            return InRegions(db.ReconciliationRuns, scope);
        }

        if (!scope.OperatesAgency)
        {
            return db.ReconciliationRuns.Where(_ => false);
        }

        var own = db.ReconciliationResults.Where(r => r.AgencyId == scope.AgencyId).Select(r => r.RunId);
        return db.ReconciliationRuns.Where(run => run.AgencyId == scope.AgencyId || own.Contains(run.Id));
    }

    /// <summary>API keys: regional admins manage those of their regions (all, with the whole-installation scope).</summary>
    public static IQueryable<ApiKey> ApiKeysFor(this LindungDbContext db, AccessScope scope) =>
        scope.IsIn(LindungRoles.RegionalAdmin) ? InRegions(db.ApiKeys, scope) : db.ApiKeys.Where(_ => false);

    /// <summary>
    /// Import jobs: region roles see those of their regions; an agency operator only their own
    /// agency's roster imports (membership extracts belong to the branch, not to an agency).
    /// </summary>
    public static IQueryable<ImportJob> ImportJobsFor(this LindungDbContext db, AccessScope scope) => ImportsIn(db.ImportJobs, scope);

    /// <summary>Committed import batches, scoped like <see cref="ImportJobsFor"/>.</summary>
    public static IQueryable<ImportBatch> ImportBatchesFor(this LindungDbContext db, AccessScope scope) => ImportsIn(db.ImportBatches, scope);

    private static IQueryable<T> ImportsIn<T>(IQueryable<T> imports, AccessScope scope)
        where T : class, IImportRecord
    {
        if (scope.SeesRegion)
        {
            return InRegions(imports, scope);
        }

        return scope.OperatesAgency
            ? imports.Where(j => j.AgencyId == scope.AgencyId && j.Kind == ImportKind.Roster)
            : imports.Where(_ => false);
    }

    /// <summary>Rows of the scope's regions; none for a scope without regions (<see cref="RegionFilter"/> of an empty list is false).</summary>
    public static IQueryable<T> InRegions<T>(this IQueryable<T> rows, AccessScope scope)
        where T : class, IRegionScoped =>
        scope.WholeInstallation ? rows : rows.Where(RegionFilter.Within<T>(scope.RegionCodes));
}
