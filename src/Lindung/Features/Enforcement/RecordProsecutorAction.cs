using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// A state attorney's action on a case referred to its Kejaksaan Negeri — a summons, a mediation, a
/// payment recovered — recorded with a note and the amount, which adds to the case's recovered total.
/// </summary>
internal sealed class RecordProsecutorAction(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<EnforcementStep>> HandleAsync(Guid caseId, string? note, long? amount, AccessScope scope, CancellationToken ct)
    {
        var enforcementCase = await EnforcementAccess.Visible(db, scope).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (enforcementCase is null)
        {
            return EnforcementErrors.NotFound;
        }

        if (!EnforcementAccess.Prosecutes(scope))
        {
            return EnforcementErrors.NotAllowed;
        }

        if (!enforcementCase.IsOpen || enforcementCase.Stage != EnforcementStage.Referral)
        {
            return EnforcementErrors.NotReferred;
        }

        var errors = new List<UseCaseError>();
        var text = note?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > AdvanceCase.NoteMax)
        {
            errors.Add(EnforcementErrors.NoteRequired);
        }

        if (amount is < 0)
        {
            errors.Add(EnforcementErrors.AmountInvalid);
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<EnforcementStep>.Refused([.. errors]);
        }

        enforcementCase.AmountRecovered += amount ?? 0;
        var step = new EnforcementStep
        {
            CaseId = enforcementCase.Id,
            Kind = EnforcementStepKind.ProsecutorAction,
            Stage = enforcementCase.Stage,
            On = clock.Today(),
            At = clock.GetUtcNow().UtcDateTime,
            By = scope.UserName,
            Note = text,
            Amount = amount,
            RegionCode = enforcementCase.RegionCode,
        };
        db.EnforcementSteps.Add(step);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<EnforcementStep>.Ok(step);
    }
}
