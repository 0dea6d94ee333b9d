using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Sponsors;

/// <summary>Pledged, invoiced and paid so far, and what is due: every pledged month up to this one not yet paid.</summary>
internal sealed record SponsorLedger(long Pledged, long Invoiced, long Paid, long Due);

/// <summary>One sponsored period of one worker, NIK masked.</summary>
internal sealed record SponsoredWorker(
    Guid SponsorshipId,
    string MaskedNik,
    string Name,
    string? VillageName,
    DateOnly FirstMonth,
    DateOnly EndsOn,
    int Months,
    int MonthsPaid,
    long MonthlyAmount,
    bool Enrolled,
    SponsorshipHandover? Handover)
{
    /// <summary>Ends within the reminder window (or has ended) and nobody has said what follows.</summary>
    public bool NeedsHandover(DateOnly today) => Handover is null && EndsOn.AddDays(-HandOverSponsorship.ReminderDays) <= today;
}

/// <summary>A worker in one of the sponsor's villages with no job on record, no active membership and no sponsor now.</summary>
internal sealed record WaitingWorker(Guid WorkerId, string MaskedNik, string Name, string? VillageName);

internal sealed record SponsorView(
    Sponsor Sponsor,
    SponsorLedger Ledger,
    IReadOnlyList<SponsoredWorker> Workers,
    int WorkerCount,
    IReadOnlyList<WaitingWorker> Waiting,
    bool MayPledge,
    bool KeepsLedger,
    DateOnly Today)
{
    public IEnumerable<SponsoredWorker> Expiring => Workers.Where(w => w.NeedsHandover(Today));
}

/// <summary>
/// The sponsor page: its ledger, the workers it funds (newest periods first), those whose period ends
/// within 30 days without a handover, and the waiting vulnerable workers of its chosen villages it could adopt.
/// </summary>
internal sealed class LoadSponsor(LindungDbContext db, TimeProvider clock)
{
    public const int MaxRows = 500;
    public const int MaxWaiting = 100;

    public async Task<UseCaseResult<SponsorView>> HandleAsync(Guid sponsorId, AccessScope scope, CancellationToken ct)
    {
        var sponsor = await SponsorAccess.Visible(db, scope).AsNoTracking().FirstOrDefaultAsync(s => s.Id == sponsorId, ct);
        if (sponsor is null)
        {
            return SponsorErrors.NotFound;
        }

        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var months = db.SponsoredMonths.Where(m => m.SponsorId == sponsorId);
        var ledger = await months.GroupBy(_ => 1).Select(g => new SponsorLedger(
                g.Sum(m => m.Amount),
                g.Sum(m => m.InvoicedOn != null ? m.Amount : 0),
                g.Sum(m => m.PaidOn != null ? m.Amount : 0),
                g.Sum(m => m.PaidOn == null && m.Month <= thisMonth ? m.Amount : 0)))
            .FirstOrDefaultAsync(ct) ?? new SponsorLedger(0, 0, 0, 0);

        var sponsorships = db.Sponsorships.AsNoTracking().Where(s => s.SponsorId == sponsorId);
        var count = await sponsorships.CountAsync(ct);
        var rows = await sponsorships
            .OrderByDescending(s => s.FirstMonth).ThenBy(s => s.Worker!.Name)
            .Take(MaxRows)
            .Select(s => new
            {
                s.Id,
                s.Worker!.Nik,
                s.Worker.Name,
                s.Worker.RegionCode,
                s.FirstMonth,
                s.Months,
                s.Handover,
                Paid = db.SponsoredMonths.Count(m => m.SponsorshipId == s.Id && m.PaidOn != null),
                Now = db.SponsoredMonths.Where(m => m.SponsorshipId == s.Id && m.Month <= thisMonth).OrderByDescending(m => m.Month).Select(m => (long?)m.Amount).FirstOrDefault()
                    ?? db.SponsoredMonths.Where(m => m.SponsorshipId == s.Id).OrderBy(m => m.Month).Select(m => m.Amount).FirstOrDefault(),
                Enrolled = db.Memberships.CoveredOn(today).Any(m => m.WorkerId == s.WorkerId),
            })
            .ToListAsync(ct);
        var workers = rows.Select(r => new SponsoredWorker(
            r.Id, Lindung.Domain.Identifiers.Nik.Mask(r.Nik), r.Name, VillageName(r.RegionCode), r.FirstMonth, r.FirstMonth.AddMonths(r.Months), r.Months, r.Paid, r.Now, r.Enrolled, r.Handover)).ToList();

        var waiting = new List<WaitingWorker>();
        if (sponsor.VillageCodes.Count > 0)
        {
            var villages = sponsor.VillageCodes;
            var found = await db.Workers.AsNoTracking()
                .Where(w => villages.Contains(w.RegionCode))
                .Where(w => !db.Memberships.CoveredOn(today).Any(m => m.WorkerId == w.Id))
                // Staff with an open job at an agency or employer are its to register (PU), not a sponsor's.
                .Where(w => !db.Employments.Any(e => e.WorkerId == w.Id && e.ValidTo == null))
                .Where(w => !db.Sponsorships.Any(s => s.WorkerId == w.Id && s.Handover == null))
                .OrderBy(w => w.RegionCode).ThenBy(w => w.Name)
                .Take(MaxWaiting)
                .Select(w => new { w.Id, w.Nik, w.Name, w.RegionCode })
                .ToListAsync(ct);
            waiting.AddRange(found.Select(w => new WaitingWorker(w.Id, Lindung.Domain.Identifiers.Nik.Mask(w.Nik), w.Name, VillageName(w.RegionCode))));
        }

        return UseCaseResult<SponsorView>.Ok(new SponsorView(
            sponsor, ledger, workers, count, waiting, SponsorAccess.Pledges(scope, sponsor), SponsorAccess.KeepsLedger(scope, sponsor), today));
    }

    private static string? VillageName(string code) => code.Length == 13 ? AreaDirectory.Embedded.Find(code)?.Name : null;
}
