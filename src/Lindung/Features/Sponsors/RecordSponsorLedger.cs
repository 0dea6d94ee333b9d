using Lindung.Application;
using Lindung.Data;
using Lindung.Domain.Contributions;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Sponsors;

/// <summary>What one ledger entry recorded: how many sponsored months, and their sum.</summary>
internal sealed record LedgerRecorded(int Months, long Amount);

/// <summary>
/// The regional admin keeps the sponsor's ledger: <c>invoice</c> bills every pledged month up to and
/// including <c>through</c> not yet billed; <c>paid</c> records every such month not yet paid as paid
/// (billing it too if it was not). Each month changes once, audited.
/// </summary>
internal sealed class RecordSponsorLedger(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<LedgerRecorded>> HandleAsync(Guid sponsorId, string? action, string? through, AccessScope scope, CancellationToken ct)
    {
        var sponsor = await SponsorAccess.Visible(db, scope).AsNoTracking().FirstOrDefaultAsync(s => s.Id == sponsorId, ct);
        if (sponsor is null)
        {
            return SponsorErrors.NotFound;
        }

        if (!SponsorAccess.KeepsLedger(scope, sponsor))
        {
            return SponsorErrors.NotAllowed;
        }

        var paid = action?.Trim().ToLowerInvariant() switch
        {
            "invoice" => false,
            "paid" => true,
            _ => (bool?)null,
        };
        if (paid is null)
        {
            return SponsorErrors.LedgerActionInvalid;
        }

        if (!ContributionMonth.TryParse(through?.Trim(), out var month))
        {
            return SponsorErrors.MonthInvalid with { Field = "through" };
        }

        var last = new DateOnly(month.Year, month.Month, 1);
        var months = db.SponsoredMonths.Where(m => m.SponsorId == sponsorId && m.Month <= last);
        var open = await (paid.Value ? months.Where(m => m.PaidOn == null) : months.Where(m => m.InvoicedOn == null)).ToListAsync(ct);
        if (open.Count == 0)
        {
            return SponsorErrors.NothingToRecord;
        }

        var today = clock.Today();
        foreach (var row in open)
        {
            row.InvoicedOn ??= today;
            if (paid.Value)
            {
                row.PaidOn = today;
            }
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult<LedgerRecorded>.Ok(new LedgerRecorded(open.Count, open.Sum(m => m.Amount)));
    }
}
