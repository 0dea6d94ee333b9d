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

        var answer = await AssessAsync(identifier!, scope, today, now, ct);
        answers.Add(at, key, answer, weight: 1);
        return UseCaseResult<EmployerCompliance>.Ok(answer);
    }

    private async Task<EmployerCompliance> AssessAsync(EmployerIdentifier identifier, AccessScope scope, DateOnly today, DateTime now, CancellationToken ct)
    {
        var employer = await FindEmployerAsync(identifier, scope, ct);
        var npp = employer?.Npp ?? (identifier.Kind == EmployerIdentifierKind.Npp ? identifier.Value : null);
        var facts = new EmployerFacts { Npp = npp, Size = employer?.BusinessSize };
        if (npp is not null)
        {
            facts = await CountMembersAsync(facts, npp, scope, today, ct);
        }

        if (employer is not null)
        {
            facts = await CountKnownWorkersAsync(facts, employer.Id, npp, scope, today, ct);
            facts = facts with { Sanction = await SanctionAsync(employer.Id, ct) };
        }

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

    private Task<Employer?> FindEmployerAsync(EmployerIdentifier identifier, AccessScope scope, CancellationToken ct) =>
        db.EmployersFor(scope).AsNoTracking().FindByIdentifierAsync(identifier, ct);

    private IQueryable<Membership> ActiveMembers(string npp, AccessScope scope, DateOnly today) =>
        db.Memberships.InRegions(scope).CoveredOn(today).Where(m => m.EmployerNpp == npp && m.Segment == Segment.Pu);

    /// <summary>The employer's jobs, through the index of employers' jobs (see EmploymentConfiguration).</summary>
    private IQueryable<Employment> JobsAt(Guid employerId) => db.Employments.Where(e => e.EmployerId == employerId);

    private async Task<EmployerFacts> CountMembersAsync(EmployerFacts facts, string npp, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        // One pass over the NPP's index range: programs are stored as text (JKK,JKM,JHT) and an
        // employer's members hold a handful of distinct sets and extracts, so the groups are few and
        // compared here; the last payment is the largest of the groups' maxima.
        var groups = await ActiveMembers(npp, scope, today)
            .GroupBy(m => new { m.Programs, m.SourceExtractId })
            .Select(g => new { g.Key.Programs, g.Key.SourceExtractId, Count = g.Count(), LastPaid = g.Max(m => m.LastPaidMonth) })
            .ToListAsync(ct);
        var required = ComplianceRules.RequiredProgramSet(facts.Size);
        var extractIds = groups.Where(g => g.SourceExtractId != null).Select(g => g.SourceExtractId!.Value).Distinct().ToList();
        var extract = extractIds.Count == 0
            ? null
            : await db.MembershipExtracts.AsNoTracking().Where(x => extractIds.Contains(x.Id))
                .OrderByDescending(x => x.LoadedAt).Select(x => new { x.Id, x.LoadedAt }).FirstOrDefaultAsync(ct);
        return facts with
        {
            ActiveMembers = groups.Sum(g => g.Count),
            MembersMissingPrograms = groups.Where(g => (g.Programs & required) != required).Sum(g => g.Count),
            LastPaidMonth = groups.Max(g => g.LastPaid),
            ExtractId = extract?.Id,
            ExtractDate = extract is null ? null : DateOnly.FromDateTime(extract.LoadedAt),
        };
    }

    /// <summary>The employer's open case at TMP2T or beyond, if any: the request to withhold services stands until the case closes.</summary>
    private Task<ActiveSanction?> SanctionAsync(Guid employerId, CancellationToken ct) =>
        db.EnforcementCases.AsNoTracking()
            .Where(c => c.EmployerId == employerId && c.Outcome == null && (c.Stage == EnforcementStage.Tmp2t || c.Stage == EnforcementStage.Referral))
            .Select(c => new ActiveSanction(c.Id, c.Number, db.EnforcementSteps.Where(s => s.CaseId == c.Id && s.Stage == EnforcementStage.Tmp2t).Min(s => (DateOnly?)s.On) ?? c.StageOn, c.RegionCode))
            .FirstOrDefaultAsync(ct);

    private async Task<EmployerFacts> CountKnownWorkersAsync(
        EmployerFacts facts, Guid employerId, string? npp, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var jobs = JobsAt(employerId).InRegions(scope).ValidOn(today);
        var known = await jobs.Select(e => e.WorkerId).Distinct().CountAsync(ct);
        if (npp is null || known == 0)
        {
            return facts with { KnownWorkers = known, KnownWorkersNotEnrolled = known };
        }

        var members = ActiveMembers(npp, scope, today);
        var notEnrolled = await jobs.Where(e => !members.Any(m => m.WorkerId == e.WorkerId)).Select(e => e.WorkerId).Distinct().CountAsync(ct);
        // Driven from the employer's jobs (few) into the members' worker index, not the other way round.
        var wageBelow = await jobs.Join(members, e => e.WorkerId, m => m.WorkerId, (e, m) => new { m.Id, m.ReportedWage, e.MonthlyWage })
            .Where(x => x.ReportedWage < x.MonthlyWage)
            .Select(x => x.Id).Distinct().CountAsync(ct);
        return facts with { KnownWorkers = known, KnownWorkersNotEnrolled = notEnrolled, MembersWageBelowPayroll = wageBelow };
    }
}
