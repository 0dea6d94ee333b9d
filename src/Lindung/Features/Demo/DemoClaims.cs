using Lindung.Data;
using Lindung.Features.Claims;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// The operator's agency's claims this year, recorded through the use cases: two covered (one paid
/// within the SLA, one waiting past it) and a fatal work accident of an honorer who was never enrolled,
/// so the liability an uncovered worker leaves the agency is on the page from the first sign-in.
/// </summary>
internal static class DemoClaims
{
    public static async Task SeedAsync(LindungDbContext db, Guid agencyId, DateOnly today, CancellationToken ct)
    {
        var staff = db.Employments.Where(e => e.AgencyId == agencyId && e.ValidTo == null && e.ValidFrom <= today.AddDays(-60));
        var coveredIds = db.Memberships.Where(m => m.ValidTo == null && m.Status == Data.Entities.MembershipStatus.Active).Select(m => m.WorkerId);
        var covered = await db.Workers.AsNoTracking().Where(w => staff.Any(e => e.WorkerId == w.Id) && coveredIds.Contains(w.Id)).OrderBy(w => w.Name).Select(w => w.Nik).Take(2).ToListAsync(ct);
        var uncovered = await db.Workers.AsNoTracking().Where(w => staff.Any(e => e.WorkerId == w.Id) && !db.Memberships.Any(m => m.WorkerId == w.Id)).OrderBy(w => w.Name).Select(w => w.Nik).FirstOrDefaultAsync(ct);
        var clock = new DemoDayClock(today);
        var scope = new AccessScope(new HashSet<string> { LindungRoles.AgencyOperator }, [], agencyId, "opd@demo.lindung.id");
        var record = new RecordClaim(db, clock, Contributions.RateBookLoader.BuiltIn());
        var update = new UpdateClaim(db, clock);
        if (covered.Count == 2)
        {
            var paid = await record.HandleAsync(new ClaimInput(covered[0], "jkk", false, today.AddDays(-40), today.AddDays(-38), today.AddDays(-35), null), scope, ct);
            if (paid.Succeeded)
            {
                await update.HandleAsync(paid.Value.Id, new ClaimUpdate("paid", null, null, today.AddDays(-30), 3_750_000), scope, ct);
            }

            await record.HandleAsync(new ClaimInput(covered[1], "jkk", false, today.AddDays(-25), today.AddDays(-24), today.AddDays(-20), null), scope, ct);
        }

        if (uncovered is not null)
        {
            await record.HandleAsync(new ClaimInput(uncovered, "jkk", true, today.AddDays(-12), null, null, null), scope, ct);
        }

        db.ChangeTracker.Clear();
    }
}
