using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Field;

/// <summary>One lead as the pipeline lists it, NIK masked; the stage counts registered once a membership is active.</summary>
internal sealed record LeadRow(Guid Id, string MaskedNik, string Name, string? VillageName, string CapturedBy, DateTime CapturedAt, bool Consent, LeadStage Stage);

/// <summary>How many leads stand at each stage, per village and officer.</summary>
internal sealed record LeadPipeline(string VillageCode, string? VillageName, string Officer, int Captured, int Contacted, int Willing, int Registered, int Paid);

internal sealed record LeadsView(IReadOnlyList<LeadPipeline> Pipeline, IReadOnlyList<LeadRow> Recent, int Total);

/// <summary>
/// The leads the caller may see (a field officer: those of its villages) as a pipeline per village and
/// officer, and the newest ones. A lead whose worker has an active membership counts as registered, and
/// as paid once a contribution for this month is recorded paid (by its sponsor); before that, the stage
/// the officer set.
/// </summary>
internal sealed class ListLeads(LindungDbContext db, TimeProvider clock)
{
    public const int RecentRows = 200;

    public async Task<LeadsView> HandleAsync(AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var month = new DateOnly(today.Year, today.Month, 1);
        var covered = db.Memberships.CoveredOn(today);
        var paid = db.SponsoredMonths.Where(m => m.Month == month && m.PaidOn != null);
        var leads = Visible(db, scope).AsNoTracking().Select(l => new
        {
            l.Id,
            l.Nik,
            l.Name,
            l.RegionCode,
            l.CapturedBy,
            l.CapturedAt,
            l.ConsentToContact,
            l.Stage,
            Registered = covered.Any(m => m.WorkerId == l.WorkerId),
            Paid = paid.Any(m => m.Sponsorship!.WorkerId == l.WorkerId),
        });
        var rows = await leads.OrderByDescending(l => l.CapturedAt).Take(RecentRows).ToListAsync(ct);
        var counts = await leads.GroupBy(l => new { l.RegionCode, l.CapturedBy, l.Stage, l.Registered, l.Paid })
            .Select(g => new { g.Key.RegionCode, g.Key.CapturedBy, g.Key.Stage, g.Key.Registered, g.Key.Paid, Count = g.Count() })
            .ToListAsync(ct);
        var pipeline = counts.GroupBy(c => (c.RegionCode, c.CapturedBy))
            .Select(g =>
            {
                int At(LeadStage stage) => g.Where(c => Effective(c.Stage, c.Registered, c.Paid) == stage).Sum(c => c.Count);
                return new LeadPipeline(g.Key.RegionCode, VillageName(g.Key.RegionCode), g.Key.CapturedBy,
                    At(LeadStage.Captured), At(LeadStage.Contacted), At(LeadStage.Willing), At(LeadStage.Registered), At(LeadStage.Paid));
            })
            .OrderBy(p => p.VillageName).ThenBy(p => p.Officer)
            .ToList();
        return new LeadsView(
            pipeline,
            [.. rows.Select(r => new LeadRow(r.Id, Lindung.Domain.Identifiers.Nik.Mask(r.Nik), r.Name, VillageName(r.RegionCode), r.CapturedBy, r.CapturedAt, r.ConsentToContact, Effective(r.Stage, r.Registered, r.Paid)))],
            counts.Sum(c => c.Count));
    }

    public static IQueryable<FieldLead> Visible(LindungDbContext db, AccessScope scope) =>
        scope.SeesRegion || scope.IsIn(LindungRoles.Leader) || scope.IsIn(LindungRoles.FieldOfficer) ? db.FieldLeads.InRegions(scope) : db.FieldLeads.Where(_ => false);

    private static LeadStage Effective(LeadStage stage, bool registered, bool paid) =>
        paid && registered ? LeadStage.Paid : registered && stage < LeadStage.Registered ? LeadStage.Registered : stage;

    private static string? VillageName(string code) => AreaDirectory.Embedded.Find(code)?.Name;
}

/// <summary>The officer records a lead as contacted or willing; stages never go backwards, and registered and paid come from the memberships.</summary>
internal sealed class AdvanceLead(LindungDbContext db)
{
    public async Task<UseCaseResult<LeadStage>> HandleAsync(Guid id, string? stage, AccessScope scope, CancellationToken ct)
    {
        var lead = await ListLeads.Visible(db, scope).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null)
        {
            return FieldErrors.LeadNotFound;
        }

        LeadStage? next = stage?.Trim().ToUpperInvariant() switch
        {
            "CONTACTED" => LeadStage.Contacted,
            "WILLING" => LeadStage.Willing,
            _ => null,
        };
        if (next is null || next < lead.Stage)
        {
            return FieldErrors.StageInvalid;
        }

        lead.Stage = next.Value;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<LeadStage>.Ok(lead.Stage);
    }
}
