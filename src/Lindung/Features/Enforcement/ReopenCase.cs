using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// The one way back: a closed case reopens at the stage it was closed at, with a named reason, audited
/// like every move; its window starts again today. A sanction stage reopened withholds services again.
/// </summary>
internal sealed class ReopenCase(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<EnforcementStep>> HandleAsync(Guid caseId, string? reason, AccessScope scope, CancellationToken ct)
    {
        var enforcementCase = await EnforcementAccess.Visible(db, scope).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (enforcementCase is null)
        {
            return EnforcementErrors.NotFound;
        }

        if (!EnforcementAccess.Manages(scope))
        {
            return EnforcementErrors.NotAllowed;
        }

        if (enforcementCase.IsOpen)
        {
            return EnforcementErrors.NotClosed;
        }

        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > AdvanceCase.NoteMax)
        {
            return EnforcementErrors.NoteRequired;
        }

        var other = await db.EnforcementCases.AsNoTracking()
            .Where(c => c.EmployerId == enforcementCase.EmployerId && c.Outcome == null).Select(c => c.Number).FirstOrDefaultAsync(ct);
        if (other is not null)
        {
            return EnforcementErrors.AlreadyOpen(other);
        }

        var today = clock.Today();
        var rules = await EnforcementCalendar.RulesForRegionAsync(db, enforcementCase.RegionCode, ct);
        var calendar = await EnforcementCalendar.ForRegionAsync(db, enforcementCase.RegionCode, ct);
        enforcementCase.Outcome = null;
        enforcementCase.ClosedOn = null;
        enforcementCase.StageOn = today;
        enforcementCase.DueOn = rules.Rule(enforcementCase.Stage).DueOn(today, calendar);
        var step = new EnforcementStep
        {
            CaseId = enforcementCase.Id,
            Kind = EnforcementStepKind.Reopened,
            Stage = enforcementCase.Stage,
            On = today,
            At = clock.GetUtcNow().UtcDateTime,
            By = scope.UserName,
            DueOn = enforcementCase.DueOn,
            Note = text,
            RegionCode = enforcementCase.RegionCode,
        };
        db.EnforcementSteps.Add(step);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<EnforcementStep>.Ok(step);
    }
}
