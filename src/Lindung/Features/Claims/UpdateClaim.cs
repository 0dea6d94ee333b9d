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

/// <summary>A move that passed the rules: what the claim holds once it is made.</summary>
internal sealed record ClaimMove(ClaimStatus Status, DateOnly? ClaimDate, DateOnly? DocumentsCompleteOn, DateOnly? PaidOn, long? PaidAmount)
{
    /// <summary>Whether the claim already holds this (the move would change nothing).</summary>
    public bool Matches(BenefitClaim claim) =>
        claim.Status == Status && claim.ClaimDate == ClaimDate && claim.DocumentsCompleteOn == DocumentsCompleteOn
        && claim.PaidOn == PaidOn && claim.PaidAmount == PaidAmount;

    public void ApplyTo(BenefitClaim claim)
    {
        claim.Status = Status;
        claim.ClaimDate = ClaimDate;
        claim.DocumentsCompleteOn = DocumentsCompleteOn;
        claim.PaidOn = PaidOn;
        claim.PaidAmount = PaidAmount;
    }
}

/// <summary>
/// Moves a claim on: filed, documents complete (the SLA clock starts), paid with the amount, or
/// rejected; forward only (<see cref="ClaimProgress"/>), dates in order.
/// </summary>
internal sealed class UpdateClaim(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<BenefitClaim>> HandleAsync(Guid id, ClaimUpdate update, AccessScope scope, CancellationToken ct)
    {
        var claim = await ClaimsAccess.Visible(db, scope).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null || !ClaimsAccess.Records(scope))
        {
            return ClaimErrors.NotFound;
        }

        var errors = new List<UseCaseError>();
        var move = Check(claim, update, clock.Today(), errors);
        if (move is null)
        {
            return UseCaseResult<BenefitClaim>.Refused([.. errors]);
        }

        move.ApplyTo(claim);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<BenefitClaim>.Ok(claim);
    }

    /// <summary>
    /// The rules every move of a claim passes, made here or read from a later branch extract
    /// (<see cref="ImportClaims"/>): a known status the claim may move to, 'paid' with its day and an
    /// amount above 0, 'complete' with its day, dates in order. A day not given keeps the claim's.
    /// The first failure is added to <paramref name="errors"/>; otherwise the move, not yet made.
    /// </summary>
    public static ClaimMove? Check(BenefitClaim claim, ClaimUpdate update, DateOnly today, List<UseCaseError> errors)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(errors);
        var status = EnumCodes<ClaimStatus>.ParseName(update.Status);
        var filed = update.ClaimDate ?? claim.ClaimDate;
        var complete = update.DocumentsCompleteOn ?? claim.DocumentsCompleteOn;
        var paid = status == ClaimStatus.Paid ? update.PaidOn : null;
        if (status is null || (status == ClaimStatus.Paid && (update.PaidOn is null || update.PaidAmount is null))
            || (status == ClaimStatus.Complete && complete is null))
        {
            errors.Add(ClaimErrors.StatusInvalid);
            return null;
        }

        if (status == ClaimStatus.Paid && update.PaidAmount <= 0)
        {
            errors.Add(ClaimErrors.PaidAmountInvalid);
            return null;
        }

        if (!ClaimProgress.MayMove(claim.Status, status.Value))
        {
            errors.Add(ClaimErrors.StatusBackwards);
            return null;
        }

        if (!RecordClaim.InOrder(claim.EventDate, filed, complete, paid, today))
        {
            errors.Add(ClaimErrors.DatesOutOfOrder);
            return null;
        }

        return new ClaimMove(status.Value, filed, complete, paid, status == ClaimStatus.Paid ? update.PaidAmount : null);
    }
}
