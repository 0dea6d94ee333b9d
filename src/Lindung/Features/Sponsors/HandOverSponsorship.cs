using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Sponsors;

/// <summary>
/// The end of a sponsored period: from 30 days before it ends, the sponsor (or the admin) records what
/// follows: <c>renew</c> pledges the same worker again from the month after (priced with the rates then in
/// force), <c>self</c> hands the worker's contributions back to the worker, <c>apbd</c> to the regional
/// budget. Once, audited; a renewal and its handover commit together.
/// </summary>
internal sealed class HandOverSponsorship(LindungDbContext db, PledgeSponsorship pledge, TimeProvider clock)
{
    public const int ReminderDays = 30;

    public async Task<UseCaseResult<SponsorshipHandover>> HandleAsync(Guid sponsorshipId, string? outcome, int? renewMonths, AccessScope scope, CancellationToken ct)
    {
        var visible = SponsorAccess.Visible(db, scope).Select(s => s.Id);
        var sponsorship = await db.Sponsorships.Include(s => s.Sponsor)
            .FirstOrDefaultAsync(s => s.Id == sponsorshipId && visible.Contains(s.SponsorId), ct);
        if (sponsorship is null)
        {
            return SponsorErrors.SponsorshipNotFound;
        }

        if (!SponsorAccess.Pledges(scope, sponsorship.Sponsor!))
        {
            return SponsorErrors.NotAllowed;
        }

        SponsorshipHandover? handover = outcome?.Trim().ToLowerInvariant() switch
        {
            "renew" => SponsorshipHandover.Renewed,
            "self" => SponsorshipHandover.SelfPay,
            "apbd" => SponsorshipHandover.Apbd,
            _ => null,
        };
        if (handover is null)
        {
            return SponsorErrors.HandoverInvalid;
        }

        if (sponsorship.Handover is not null)
        {
            return SponsorErrors.HandoverDone;
        }

        var today = clock.Today();
        var opens = sponsorship.EndsOn.AddDays(-ReminderDays);
        if (today < opens)
        {
            return SponsorErrors.HandoverTooEarly(opens);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (handover == SponsorshipHandover.Renewed)
        {
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            var from = sponsorship.EndsOn > thisMonth ? sponsorship.EndsOn : thisMonth;
            var renewed = await pledge.HandleAsync(
                sponsorship.SponsorId,
                new PledgeInput(
                    [sponsorship.WorkerId],
                    new ContributionMonth(from.Year, from.Month).ToString(),
                    renewMonths ?? sponsorship.Months,
                    sponsorship.MonthlyIncome,
                    sponsorship.Programs,
                    sponsorship.Occupation == BpuSector.Transport ? "transport" : "other"),
                scope,
                ct);
            if (!renewed.Succeeded)
            {
                return UseCaseResult<SponsorshipHandover>.Refused([.. renewed.Errors]);
            }
        }

        sponsorship.Handover = handover;
        sponsorship.HandedOverOn = today;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UseCaseResult<SponsorshipHandover>.Ok(handover.Value);
    }
}
