using Lindung.Data;
using Lindung.Domain.Claims;
using Lindung.Domain.Contributions;
using Lindung.Domain.Enforcement;
using Lindung.Features.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Claims;

/// <summary>One claim with its clock: working days since the documents were complete (until paid), the SLA, and whether it is past it.</summary>
internal sealed record ClaimRow(
    Guid Id, string? ClaimNumber, Guid WorkerId, string WorkerName, string NikMasked, ClaimKind Kind, bool Death, DateOnly EventDate, DateOnly? ClaimDate,
    DateOnly? DocumentsCompleteOn, ClaimStatus Status, DateOnly? PaidOn, long? PaidAmount, bool CoveredOnEvent, long? Liability,
    int? WorkingDaysElapsed, int SlaWorkingDays, bool Overdue, string RegionCode);

/// <summary>What leaders read beside coverage: claims by kind and status, the median working days to payment against the SLA, overdue claims, and this year's uncovered accidents and deaths with the liability they leave.</summary>
internal sealed record ClaimSummary(
    IReadOnlyDictionary<ClaimKind, IReadOnlyDictionary<ClaimStatus, int>> ByKind,
    double? MedianDaysToPayment,
    int Overdue,
    int UncoveredThisYear,
    long UncoveredLiabilityThisYear);

internal sealed record ClaimList(IReadOnlyList<ClaimRow> Claims, ClaimSummary Summary);

/// <summary>
/// The claims the caller may see, overdue first, with their SLA clocks counted in working days on the
/// region's holiday calendar (the enforcement calendar), and the summary. The SLA per kind comes from
/// the benefit book (DOMAIN §10.4: the branch's table).
/// </summary>
internal sealed class ListClaims(LindungDbContext db, TimeProvider clock, RateBook rates)
{
    public const int Limit = 500;

    public async Task<ClaimList> HandleAsync(AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var book = BenefitBook.InForce(rates, today)
            ?? throw new InvalidOperationException($"The rate book has no claim SLA and benefit amounts in force on {today:yyyy-MM-dd}.");
        var visible = ClaimsAccess.Visible(db, scope).AsNoTracking();
        var rows = await visible.OrderByDescending(c => c.EventDate).Take(Limit)
            .Select(c => new { BenefitClaim = c, c.Worker!.Name, c.Worker.Nik }).ToListAsync(ct);
        // A leader steers by the counts and the liability; the names stay with the roles that see workers.
        var view = PersonalDataPolicy.For(scope);
        var calendars = new Dictionary<string, WorkingCalendar>(StringComparer.Ordinal);
        var list = new List<ClaimRow>();
        foreach (var r in rows)
        {
            var c = r.BenefitClaim;
            if (!calendars.TryGetValue(c.RegionCode, out var calendar))
            {
                calendar = await EnforcementCalendar.ForRegionAsync(db, c.RegionCode, ct);
                calendars[c.RegionCode] = calendar;
            }

            int? elapsed = c.DocumentsCompleteOn is { } complete && c.Status != ClaimStatus.Rejected
                ? calendar.WorkingDaysBetween(complete, c.PaidOn ?? today)
                : null;
            var sla = book.SlaWorkingDays[c.Kind];
            list.Add(new ClaimRow(
                c.Id, c.ClaimNumber, c.WorkerId, view.Names ? r.Name : "—", view.Nik == NikView.None ? string.Empty : Domain.Identifiers.Nik.Mask(r.Nik), c.Kind, c.Death, c.EventDate, c.ClaimDate, c.DocumentsCompleteOn, c.Status,
                c.PaidOn, c.PaidAmount, c.CoveredOnEvent, c.Liability, elapsed, sla, c.Status == ClaimStatus.Complete && elapsed > sla, c.RegionCode));
        }

        var paidDays = list.Where(c => c.Status == ClaimStatus.Paid && c.WorkingDaysElapsed is not null).Select(c => c.WorkingDaysElapsed!.Value).Order().ToList();
        var yearStart = new DateOnly(today.Year, 1, 1);
        var uncovered = await visible.Where(c => !c.CoveredOnEvent && c.EventDate >= yearStart && (c.Kind == ClaimKind.Jkk || c.Kind == ClaimKind.Jkm))
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Liability = g.Sum(c => c.Liability ?? 0) }).FirstOrDefaultAsync(ct);
        var byKind = await visible.GroupBy(c => new { c.Kind, c.Status }).Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var summary = new ClaimSummary(
            byKind.GroupBy(k => k.Kind).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<ClaimStatus, int>)g.ToDictionary(x => x.Status, x => x.Count)),
            paidDays.Count == 0 ? null : paidDays.Count % 2 == 1 ? paidDays[paidDays.Count / 2] : (paidDays[(paidDays.Count / 2) - 1] + paidDays[paidDays.Count / 2]) / 2.0,
            list.Count(c => c.Overdue),
            uncovered?.Count ?? 0,
            uncovered?.Liability ?? 0);
        return new ClaimList([.. list.OrderByDescending(c => c.Overdue).ThenByDescending(c => c.EventDate)], summary);
    }
}
