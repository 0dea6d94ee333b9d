using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Sponsors;

/// <summary>One sponsor in the list: workers funded now, pledged and paid so far, due now, and periods needing a handover.</summary>
internal sealed record SponsorSummary(
    Guid Id, string Name, SponsorKind Kind, string RegionCode, int WorkersNow, long Pledged, long Paid, long Due, int NeedingHandover);

/// <summary>The sponsors the caller may see, with the figures an admin chases them on.</summary>
internal sealed class ListSponsors(LindungDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<SponsorSummary>> HandleAsync(AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var sponsors = await SponsorAccess.Visible(db, scope).AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var ids = sponsors.Select(s => s.Id).ToList();
        var money = await db.SponsoredMonths.Where(m => ids.Contains(m.SponsorId))
            .GroupBy(m => m.SponsorId)
            .Select(g => new
            {
                g.Key,
                Pledged = g.Sum(m => m.Amount),
                Paid = g.Sum(m => m.PaidOn != null ? m.Amount : 0),
                Due = g.Sum(m => m.PaidOn == null && m.Month <= thisMonth ? m.Amount : 0),
                Now = g.Where(m => m.Month == thisMonth).Count(),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var open = await db.Sponsorships.Where(s => ids.Contains(s.SponsorId) && s.Handover == null)
            .Select(s => new { s.SponsorId, s.FirstMonth, s.Months })
            .ToListAsync(ct);
        return [.. sponsors.Select(s =>
        {
            var m = money.GetValueOrDefault(s.Id);
            var needing = open.Count(o => o.SponsorId == s.Id && o.FirstMonth.AddMonths(o.Months).AddDays(-HandOverSponsorship.ReminderDays) <= today);
            return new SponsorSummary(s.Id, s.Name, s.Kind, s.RegionCode, m?.Now ?? 0, m?.Pledged ?? 0, m?.Paid ?? 0, m?.Due ?? 0, needing);
        })];
    }
}
