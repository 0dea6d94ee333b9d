using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Claims;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Claims;

/// <summary>What changes as a claim moves on: its status and the days (filed, documents complete, paid) with the amount paid.</summary>
internal sealed record ClaimUpdate(string? Status, DateOnly? ClaimDate, DateOnly? DocumentsCompleteOn, DateOnly? PaidOn, long? PaidAmount);

/// <summary>Moves a claim on: filed, documents complete (the SLA clock starts), paid with the amount, or rejected; dates stay in order.</summary>
internal sealed class UpdateClaim(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<BenefitClaim>> HandleAsync(Guid id, ClaimUpdate update, AccessScope scope, CancellationToken ct)
    {
        var claim = await ClaimsAccess.Visible(db, scope).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null || !ClaimsAccess.Records(scope))
        {
            return ClaimErrors.NotFound;
        }

        var status = EnumCodes<ClaimStatus>.ParseName(update.Status);
        var filed = update.ClaimDate ?? claim.ClaimDate;
        var complete = update.DocumentsCompleteOn ?? claim.DocumentsCompleteOn;
        var paid = status == ClaimStatus.Paid ? update.PaidOn : null;
        if (status is null || (status == ClaimStatus.Paid && (update.PaidOn is null || update.PaidAmount is not >= 0))
            || (status == ClaimStatus.Complete && complete is null))
        {
            return ClaimErrors.StatusInvalid;
        }

        if (!RecordClaim.InOrder(claim.EventDate, filed, complete, paid, clock.Today()))
        {
            return ClaimErrors.DatesOutOfOrder;
        }

        claim.Status = status.Value;
        claim.ClaimDate = filed;
        claim.DocumentsCompleteOn = complete;
        claim.PaidOn = paid;
        claim.PaidAmount = status == ClaimStatus.Paid ? update.PaidAmount : null;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<BenefitClaim>.Ok(claim);
    }
}
