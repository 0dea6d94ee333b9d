using System.Linq.Expressions;
using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore.Query;

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

            // Asked of each worker row (its own region, else an indexed probe of its jobs), not as
            // "id IN (every worker of the region)": the sets would be built in full on every query,
            // seconds at 200,000 workers, where a page in name order reads only its own rows.
            var lives = RegionFilter.Within<Worker>(scope.RegionCodes);
            var inRegion = RegionFilter.Within<Employment>(scope.RegionCodes);
            var employments = db.Employments;
            Expression<Func<Worker, bool>> employed = w => employments.Where(inRegion).Any(e => e.WorkerId == w.Id);
            var worker = lives.Parameters[0];
            var either = Expression.OrElse(lives.Body, ReplacingExpressionVisitor.Replace(employed.Parameters[0], worker, employed.Body));
            return db.Workers.Where(Expression.Lambda<Func<Worker, bool>>(either, worker));
        }

        if (scope.OperatesAgency)
        {
            var staff = db.Employments.Where(e => e.AgencyId == scope.AgencyId).Select(e => e.WorkerId);
            return db.Workers.Where(w => staff.Contains(w.Id));
        }

        return db.Workers.Where(_ => false);
    }

    /// <summary>
    /// What <see cref="WorkersFor"/> depends on in a scope, as text: two scopes with equal keys see
    /// the same workers, so an answer read for one may be served to the other (and only then).
    /// </summary>
    public static string WorkersScopeKey(AccessScope scope)
    {
        if (scope.SeesRegion)
        {
            return RegionsKey(scope);
        }

        return scope.OperatesAgency ? "agency:" + scope.AgencyId!.Value.ToString("N") : "none";
    }

    /// <summary>
    /// What an employer's compliance depends on in a scope, as text: whether <see cref="EmployersFor"/>
    /// shows employers, and the regions whose memberships and jobs <see cref="InRegions"/> counts.
    /// </summary>
    public static string EmployerFactsScopeKey(AccessScope scope) =>
        (SeesEmployers(scope) ? "employers;" : "no-employers;") + RegionsKey(scope);

    private static string RegionsKey(AccessScope scope) =>
        scope.WholeInstallation
            ? "all"
            : "regions:" + string.Join(',', scope.RegionCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static bool SeesEmployers(AccessScope scope) =>
        scope.SeesRegion || scope.IsIn(LindungRoles.LicensingOfficer) || scope.IsIn(LindungRoles.Leader);

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
        // A correlated EXISTS, not "worker_id IN (the scope's workers)": the database probes the one
        // worker of each membership it reads instead of building the scope's worker set (millions) first.
        var workers = db.WorkersFor(scope);
        return db.Memberships.Where(m => workers.Any(w => w.Id == m.WorkerId));
    }

    public static IQueryable<Employer> EmployersFor(this LindungDbContext db, AccessScope scope) =>
        SeesEmployers(scope)
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

    /// <summary>
    /// The audit trail: auditors and regional admins read the events of their regions (every event
    /// with the whole-installation scope); anyone else, and a scope without regions, none. An event
    /// of no single region (<c>00.00</c>, a user of the whole installation) lies in no region, so only
    /// the whole-installation scope reads it.
    /// </summary>
    public static IQueryable<AuditEvent> AuditEventsFor(this LindungDbContext db, AccessScope scope) =>
        scope.IsIn(LindungRoles.Auditor) || scope.IsIn(LindungRoles.RegionalAdmin)
            ? InRegions(db.AuditEvents, scope)
            : db.AuditEvents.Where(_ => false);

    /// <summary>
    /// Contracts: the regional roles those of their regions' agencies; a commitment officer (PPK)
    /// only its own agency's; anyone else none.
    /// </summary>
    public static IQueryable<Contract> ContractsFor(this LindungDbContext db, AccessScope scope)
    {
        if (scope.SeesRegion)
        {
            return InRegions(db.Contracts, scope);
        }

        return scope.ProcuresForAgency ? db.Contracts.Where(c => c.AgencyId == scope.AgencyId) : db.Contracts.Where(_ => false);
    }

    /// <summary>Rows of the scope's regions; none for a scope without regions (<see cref="RegionFilter"/> of an empty list is false).</summary>
    public static IQueryable<T> InRegions<T>(this IQueryable<T> rows, AccessScope scope)
        where T : class, IRegionScoped =>
        scope.WholeInstallation ? rows : rows.Where(RegionFilter.Within<T>(scope.RegionCodes));
}
