using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Compliance;
using Lindung.Domain.Enforcement;
using Lindung.Features.Compliance;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// Opens a case against an employer from its compliance findings as they stand now (the evidence is
/// frozen on the case), numbers it per region and year, and starts the clock for the first warning.
/// One open case per employer: a firm with one already is told which. A sanction is not a finding to
/// open a case for (it is the outcome of one).
/// </summary>
internal sealed class OpenCase(LindungDbContext db, CheckEmployerCompliance compliance, TimeProvider clock)
{
    public async Task<UseCaseResult<EnforcementCase>> HandleAsync(Guid employerId, AccessScope scope, CancellationToken ct)
    {
        if (!EnforcementAccess.Manages(scope))
        {
            return EnforcementErrors.NotAllowed;
        }

        var employer = await db.EmployersFor(scope).AsNoTracking().FirstOrDefaultAsync(e => e.Id == employerId, ct);
        if (employer is null)
        {
            return EnforcementErrors.EmployerNotFound;
        }

        var identifier = employer.CheckIdentifier;
        if (identifier is null)
        {
            return EnforcementErrors.NoIdentifier;
        }

        var open = await db.EnforcementCases.AsNoTracking().Where(c => c.EmployerId == employerId && c.Outcome == null).Select(c => c.Number).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            return EnforcementErrors.AlreadyOpen(open);
        }

        var assessed = await compliance.HandleAsync(identifier, scope, ct);
        if (!assessed.Succeeded)
        {
            return UseCaseResult<EnforcementCase>.Refused([.. assessed.Errors]);
        }

        var findings = assessed.Value.Findings.Where(f => f.Code != ComplianceRules.Sanctioned).ToList();
        if (findings.Count == 0)
        {
            return EnforcementErrors.NoFindings;
        }

        var today = clock.Today();
        var rules = await EnforcementCalendar.RulesForRegionAsync(db, employer.RegionCode, ct);
        var calendar = await EnforcementCalendar.ForRegionAsync(db, employer.RegionCode, ct);
        var sequence = await db.EnforcementCases.CountAsync(c => c.RegionCode == employer.RegionCode && c.OpenedOn.Year == today.Year, ct) + 1;
        while (await db.EnforcementCases.AnyAsync(c => c.Number == NumberOf(employer.RegionCode, today.Year, sequence), ct))
        {
            sequence++;
        }

        var opened = new EnforcementCase
        {
            Number = NumberOf(employer.RegionCode, today.Year, sequence),
            EmployerId = employer.Id,
            Npp = employer.Npp,
            Violations = string.Join(',', findings.Select(f => f.Code)),
            Evidence = CaseFinding.Freeze(findings),
            StageOn = today,
            DueOn = rules.Rule(EnforcementStage.Opened).DueOn(today, calendar),
            OpenedOn = today,
            OpenedBy = scope.UserName,
            RegionCode = employer.RegionCode,
        };
        db.EnforcementCases.Add(opened);
        db.EnforcementSteps.Add(new EnforcementStep
        {
            CaseId = opened.Id,
            Kind = EnforcementStepKind.Opened,
            Stage = EnforcementStage.Opened,
            On = today,
            At = clock.GetUtcNow().UtcDateTime,
            By = scope.UserName,
            DueOn = opened.DueOn,
            Note = opened.Violations,
            RegionCode = opened.RegionCode,
        });
        await db.SaveChangesAsync(ct);
        return UseCaseResult<EnforcementCase>.Ok(opened);
    }

    private static string NumberOf(string region, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"PK/{region}/{year}/{sequence:0000}");
}
