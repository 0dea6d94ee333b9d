using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Domain.Enforcement;
using Lindung.Features.Employers;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Compliance;

/// <summary>
/// Computes an employer's compliance from the registry as the caller may see it: finds the firm by
/// NPP, NIB or NPWP, counts its active PU participants, its last payment, its known workers not
/// enrolled, wages reported below the wage on record and programs missing for its size, and lets
/// <see cref="ComplianceRules"/> decide. Every count is one indexed aggregate, whatever the firm's size.
/// The answer holds counts only, never a person, so it reads the caller's regions rather than the
/// personal records the caller may open: a licensing officer, who sees no worker, gets the same
/// answer as the branch. An answer is kept while the database holds the same data
/// (<see cref="ComplianceAnswerCache"/>), for every caller whose scope counts the same rows.
/// </summary>
internal sealed class CheckEmployerCompliance(
    LindungDbContext db, TimeProvider clock, DatabaseVersion? version = null, ComplianceAnswerCache? cache = null)
{
    public const string IdentifierField = "identifier";

    public async Task<UseCaseResult<EmployerCompliance>> HandleAsync(string? identifierText, AccessScope scope, CancellationToken ct)
    {
        if (!EmployerIdentifier.TryParse(identifierText, out var identifier, out var error))
        {
            return new UseCaseError(error!, IdentifierField);
        }

        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        // Inside a transaction the reads may see rows not yet committed, which no version describes.
        if (version is null || cache?.Answers is not { } answers || db.Database.CurrentTransaction is not null)
        {
            return UseCaseResult<EmployerCompliance>.Ok(await AssessAsync(identifier!, scope, today, now, ct));
        }

        var at = await version.ReadAsync(ct);
        var key = new ComplianceAnswerKey(ScopedQueries.EmployerFactsScopeKey(scope), identifier!, today);
        if (answers.TryGet(at, key, out var kept))
        {
            return UseCaseResult<EmployerCompliance>.Ok(kept with { CheckedAt = now });
        }

        EmployerCompliance answer;
        if (cache.Facts(key.Scope, at, today) is { } snapshot)
        {
            var (employer, facts) = snapshot.Find(identifier!);
            answer = Answer(identifier!, employer, facts, today, now);
        }
        else
        {
            answer = await AssessAsync(identifier!, scope, today, now, ct);
            cache.Missed(key.Scope, scope, at, today);
        }

        answers.Add(at, key, answer, weight: 1);
        return UseCaseResult<EmployerCompliance>.Ok(answer);
    }

    /// <summary>
    /// The facts of every employer the scope counts as of now: the kept ones while the database holds
    /// the same data, else read at once (and kept for the checks that follow).
    /// </summary>
    public async Task<ComplianceFactsSnapshot> FactsAsync(AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        if (version is null || cache?.Answers is null || db.Database.CurrentTransaction is not null)
        {
            return await ReadAllAsync(scope, today, ct);
        }

        // Read before the facts: they are this version's data or newer, never older.
        var at = await version.ReadAsync(ct);
        var scopeKey = ScopedQueries.EmployerFactsScopeKey(scope);
        if (cache.Facts(scopeKey, at, today) is { } kept)
        {
            return kept;
        }

        var snapshot = await ReadAllAsync(scope, today, ct);
        cache.Keep(scopeKey, at, snapshot);
        return snapshot;
    }

    /// <summary>
    /// The facts of every employer the scope counts, read with the same queries a single check uses,
    /// without the employer's filter: one pass each over the scope's PU memberships, the employers'
    /// jobs and the open sanctions (<see cref="ComplianceFactsSnapshot"/>).
    /// </summary>
    public async Task<ComplianceFactsSnapshot> ReadAllAsync(AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var employers = await db.EmployersFor(scope).AsNoTracking().Select(ComplianceFactsSnapshot.Row.Projection).ToListAsync(ct);
        var groups = await MemberGroupsAsync(ActiveMembers(scope, today), ct);
        var extracts = await db.MembershipExtracts.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.LoadedAt, ct);
        var known = await KnownCountsAsync(db.Employments.Where(e => e.EmployerId != null), scope, today, ct);
        var sanctions = await Sanctions(db.EnforcementCases).ToListAsync(ct);
        return new ComplianceFactsSnapshot(today, employers, groups, extracts, known, sanctions);
    }

    private async Task<EmployerCompliance> AssessAsync(EmployerIdentifier identifier, AccessScope scope, DateOnly today, DateTime now, CancellationToken ct)
    {
        var found = await db.EmployersFor(scope).AsNoTracking().FindByIdentifierAsync(identifier, ct);
        var employer = found is null ? null : ComplianceFactsSnapshot.Row.Of(found);
        var npp = ComplianceFactsSnapshot.NppOf(identifier, employer);
        var groups = npp is null ? [] : await MemberGroupsAsync(ActiveMembers(scope, today).Where(m => m.EmployerNpp == npp), ct);
        var extractIds = groups.Where(g => g.SourceExtractId != null).Select(g => g.SourceExtractId!.Value).Distinct().ToList();
        var extracts = extractIds.Count == 0
            ? new Dictionary<Guid, DateTime>()
            : await db.MembershipExtracts.AsNoTracking().Where(x => extractIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.LoadedAt, ct);
        var known = employer is null ? [] : await KnownCountsAsync(JobsAt(employer.Id), scope, today, ct);
        var sanction = employer is null ? null : await Sanctions(db.EnforcementCases.Where(c => c.EmployerId == employer.Id)).FirstOrDefaultAsync(ct);
        var facts = ComplianceFactsSnapshot.Compose(npp, employer, groups, extracts, known.SingleOrDefault(), sanction?.Sanction);
        return Answer(identifier, employer, facts, today, now);
    }

    /// <summary>The answer for <paramref name="identifier"/> from facts read beforehand.</summary>
    public static EmployerCompliance Answer(
        EmployerIdentifier identifier, ComplianceFactsSnapshot.Row? employer, EmployerFacts facts, DateOnly today, DateTime now)
    {
        var assessment = ComplianceRules.Assess(facts, today);
        return new EmployerCompliance(
            identifier,
            assessment.Status,
            assessment.Findings,
            employer is null ? null : new ComplianceEmployer(employer.Id, employer.Name, employer.Npp, employer.Nib, employer.Npwp, employer.RegionCode),
            facts.ActiveMembers,
            facts.ExtractDate,
            now);
    }

    /// <summary>Active PU participations under an employer's NPP in the scope's regions.</summary>
    private IQueryable<Membership> ActiveMembers(AccessScope scope, DateOnly today) =>
        db.Memberships.InRegions(scope).CoveredOn(today).Where(m => m.Segment == Segment.Pu && m.EmployerNpp != null);

    /// <summary>The employer's jobs, through the index of employers' jobs (see EmploymentConfiguration).</summary>
    private IQueryable<Employment> JobsAt(Guid employerId) => db.Employments.Where(e => e.EmployerId == employerId);

    // One pass over the members (for one NPP, its index range): programs are stored as text
    // (JKK,JKM,JHT) and an employer's members hold a handful of distinct sets and extracts, so the
    // groups are few and compared in memory; the last payment is the largest of the groups' maxima.
    private static Task<List<MemberGroup>> MemberGroupsAsync(IQueryable<Membership> members, CancellationToken ct) =>
        members.GroupBy(m => new { m.EmployerNpp, m.Programs, m.SourceExtractId })
            .Select(g => new MemberGroup(g.Key.EmployerNpp!, g.Key.Programs, g.Key.SourceExtractId, g.Count(), g.Max(m => m.LastPaidMonth)))
            .ToListAsync(ct);

    /// <summary>Open cases at TMP2T or beyond: the request to withhold services stands until the case closes.</summary>
    private IQueryable<EmployerSanction> Sanctions(IQueryable<EnforcementCase> cases) =>
        cases.AsNoTracking()
            .Where(c => c.Outcome == null && (c.Stage == EnforcementStage.Tmp2t || c.Stage == EnforcementStage.Referral))
            .OrderBy(c => c.Number)
            .Select(c => new EmployerSanction(c.EmployerId, new ActiveSanction(
                c.Id, c.Number, db.EnforcementSteps.Where(s => s.CaseId == c.Id && s.Stage == EnforcementStage.Tmp2t).Min(s => (DateOnly?)s.On) ?? c.StageOn, c.RegionCode)));

    /// <summary>
    /// Per employer: its known workers (jobs valid today), those with no active PU participation
    /// under its NPP, and members whose reported wage is below the job's wage. Driven from the
    /// employers' jobs (few, in their own index) into the members' worker index.
    /// </summary>
    private async Task<List<KnownWorkerCounts>> KnownCountsAsync(IQueryable<Employment> jobs, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        jobs = jobs.InRegions(scope).ValidOn(today);
        var known = await jobs.GroupBy(e => e.EmployerId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Select(e => e.WorkerId).Distinct().Count() }).ToListAsync(ct);
        if (known.Count == 0)
        {
            return [];
        }

        var members = ActiveMembers(scope, today);
        var notEnrolled = await jobs.Where(e => !members.Any(m => m.WorkerId == e.WorkerId && m.EmployerNpp == e.Employer!.Npp))
            .GroupBy(e => e.EmployerId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Select(e => e.WorkerId).Distinct().Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var wageBelow = await jobs.Join(members, e => e.WorkerId, m => m.WorkerId, (e, m) => new { EmployerId = e.EmployerId!.Value, e.Employer!.Npp, MemberNpp = m.EmployerNpp, m.Id, m.ReportedWage, e.MonthlyWage })
            .Where(x => x.MemberNpp == x.Npp && x.ReportedWage < x.MonthlyWage)
            .GroupBy(x => x.EmployerId)
            .Select(g => new { Id = g.Key, Count = g.Select(x => x.Id).Distinct().Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        return [.. known.Select(k => new KnownWorkerCounts(k.Id, k.Count, notEnrolled.GetValueOrDefault(k.Id), wageBelow.GetValueOrDefault(k.Id)))];
    }
}
