using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
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
/// answer as the branch.
/// </summary>
internal sealed class CheckEmployerCompliance(LindungDbContext db, TimeProvider clock)
{
    public const string IdentifierField = "identifier";

    public async Task<UseCaseResult<EmployerCompliance>> HandleAsync(string? identifierText, AccessScope scope, CancellationToken ct)
    {
        if (!EmployerIdentifier.TryParse(identifierText, out var identifier, out var error))
        {
            return new UseCaseError(error!, IdentifierField);
        }

        var today = clock.Today();
        var employer = await FindEmployerAsync(identifier!, scope, ct);
        var npp = employer?.Npp ?? (identifier!.Kind == EmployerIdentifierKind.Npp ? identifier.Value : null);
        var facts = new EmployerFacts { Npp = npp, Size = employer?.BusinessSize };
        if (npp is not null)
        {
            facts = await CountMembersAsync(facts, npp, scope, today, ct);
        }

        if (employer is not null)
        {
            facts = await CountKnownWorkersAsync(facts, employer.Id, npp, scope, today, ct);
        }

        var assessment = ComplianceRules.Assess(facts, today);
        return UseCaseResult<EmployerCompliance>.Ok(new EmployerCompliance(
            identifier!,
            assessment.Status,
            assessment.Findings,
            employer is null ? null : new ComplianceEmployer(employer.Id, employer.Name, employer.Npp, employer.Nib, employer.Npwp, employer.RegionCode),
            facts.ActiveMembers,
            facts.ExtractDate,
            clock.GetUtcNow().UtcDateTime));
    }

    private async Task<Employer?> FindEmployerAsync(EmployerIdentifier identifier, AccessScope scope, CancellationToken ct)
    {
        var employers = db.EmployersFor(scope).AsNoTracking().WithIdentifier(identifier);

        // A NIB or NPWP may be entered for two records (a branch and its head office); the one
        // registered with BPJS is the one the answer is about.
        return await employers.OrderBy(e => e.Npp == null).ThenBy(e => e.Name).ThenBy(e => e.Id).FirstOrDefaultAsync(ct);
    }

    private IQueryable<Membership> ActiveMembers(string npp, AccessScope scope, DateOnly today) =>
        db.Memberships.InRegions(scope).CoveredOn(today).Where(m => m.EmployerNpp == npp && m.Segment == Segment.Pu);

    private async Task<EmployerFacts> CountMembersAsync(EmployerFacts facts, string npp, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var members = ActiveMembers(npp, scope, today);

        // Programs are stored as text (JKK,JKM,JHT); an employer's members hold a handful of
        // distinct sets, so the sets are grouped in SQL and compared here.
        var bySet = await members.GroupBy(m => m.Programs).Select(g => new { Programs = g.Key, Count = g.Count() }).ToListAsync(ct);
        var required = ComplianceRules.RequiredProgramSet(facts.Size);
        var lastPaid = await members.MaxAsync(m => m.LastPaidMonth, ct);
        var extract = await members.Where(m => m.SourceExtractId != null)
            .Select(m => new { m.SourceExtract!.Id, m.SourceExtract.LoadedAt })
            .OrderByDescending(x => x.LoadedAt).FirstOrDefaultAsync(ct);
        return facts with
        {
            ActiveMembers = bySet.Sum(s => s.Count),
            MembersMissingPrograms = bySet.Where(s => (s.Programs & required) != required).Sum(s => s.Count),
            LastPaidMonth = lastPaid,
            ExtractId = extract?.Id,
            ExtractDate = extract is null ? null : DateOnly.FromDateTime(extract.LoadedAt),
        };
    }

    private async Task<EmployerFacts> CountKnownWorkersAsync(
        EmployerFacts facts, Guid employerId, string? npp, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var jobs = db.Employments.InRegions(scope).ValidOn(today).Where(e => e.EmployerId == employerId);
        var known = await jobs.Select(e => e.WorkerId).Distinct().CountAsync(ct);
        if (npp is null)
        {
            return facts with { KnownWorkers = known, KnownWorkersNotEnrolled = known };
        }

        var members = ActiveMembers(npp, scope, today);
        var notEnrolled = await jobs.Where(e => !members.Any(m => m.WorkerId == e.WorkerId)).Select(e => e.WorkerId).Distinct().CountAsync(ct);
        var wageBelow = await members
            .Where(m => jobs.Any(e => e.WorkerId == m.WorkerId && m.ReportedWage < e.MonthlyWage))
            .CountAsync(ct);
        return facts with { KnownWorkers = known, KnownWorkersNotEnrolled = notEnrolled, MembersWageBelowPayroll = wageBelow };
    }
}
