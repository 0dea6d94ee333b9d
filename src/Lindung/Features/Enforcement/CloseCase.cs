using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// Ends a case with its outcome and the amount recovered (added to what the prosecutor recorded). A
/// case closed for "another reason" must say which. Closing lifts a TMP2T sanction at once: the
/// licensing gate stops answering SANCTIONED.
/// </summary>
internal sealed class CloseCase(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<EnforcementStep>> HandleAsync(Guid caseId, string? outcome, long? amount, string? note, AccessScope scope, CancellationToken ct)
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

        if (!enforcementCase.IsOpen)
        {
            return EnforcementErrors.Closed;
        }

        var errors = new List<UseCaseError>();
        var parsed = ParseOutcome(outcome);
        if (parsed is null)
        {
            errors.Add(EnforcementErrors.OutcomeUnknown);
        }

        if (amount is < 0)
        {
            errors.Add(EnforcementErrors.AmountInvalid);
        }

        var text = note?.Trim();
        if (text is { Length: > AdvanceCase.NoteMax } || (parsed == EnforcementOutcome.Closed && string.IsNullOrEmpty(text)))
        {
            errors.Add(EnforcementErrors.NoteRequired);
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<EnforcementStep>.Refused([.. errors]);
        }

        var today = clock.Today();
        enforcementCase.Outcome = parsed;
        enforcementCase.ClosedOn = today;
        enforcementCase.DueOn = null;
        enforcementCase.AmountRecovered += amount ?? 0;
        var step = new EnforcementStep
        {
            CaseId = enforcementCase.Id,
            Kind = EnforcementStepKind.Closed,
            Stage = enforcementCase.Stage,
            Outcome = parsed,
            On = today,
            At = clock.GetUtcNow().UtcDateTime,
            By = scope.UserName,
            Note = string.IsNullOrEmpty(text) ? null : text,
            Amount = amount,
            RegionCode = enforcementCase.RegionCode,
        };
        db.EnforcementSteps.Add(step);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<EnforcementStep>.Ok(step);
    }

    public static EnforcementOutcome? ParseOutcome(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "complied" => EnforcementOutcome.Complied,
        "arrears_paid" => EnforcementOutcome.ArrearsPaid,
        "settled" => EnforcementOutcome.Settled,
        "legal_action" => EnforcementOutcome.LegalAction,
        "closed" => EnforcementOutcome.Closed,
        _ => null,
    };

    public static string OutcomeCode(EnforcementOutcome outcome) => outcome switch
    {
        EnforcementOutcome.ArrearsPaid => "arrears_paid",
        EnforcementOutcome.LegalAction => "legal_action",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
