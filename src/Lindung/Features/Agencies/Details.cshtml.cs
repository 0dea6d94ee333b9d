using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Agencies;

[Authorize(Policy = Policies.Registry)]
internal sealed class DetailsModel(LindungDbContext db, TimeProvider clock) : PageModel
{
    public Agency Agency { get; private set; } = null!;

    public string? RegionName { get; private set; }

    public IReadOnlyList<IGrouping<WorkerCategory, RosterRow>> Groups { get; private set; } = [];

    public int Covered { get; private set; }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        // Out of scope and unknown look the same, so an id never confirms that an agency exists.
        var agency = await db.AgenciesFor(scope).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return NotFound();
        }

        var today = clock.Today();
        var rows = await db.EmploymentsFor(scope).ValidOn(today)
            .Where(e => e.AgencyId == id)
            .Join(db.WorkersFor(scope), e => e.WorkerId, w => w.Id, (e, w) => new { e.Category, e.Position, e.MonthlyWage, w.Id, w.Nik, w.Name })
            .ToListAsync(ct);
        var states = await MembershipStates.ForAsync(db.MembershipsFor(scope), [.. rows.Select(r => r.Id)], today, ct);

        Agency = agency;
        RegionName = AreaDirectory.Embedded.Find(agency.RegionCode)?.Name;
        Groups = [.. rows
            .Select(r => new RosterRow(r.Id, r.Name, Domain.Identifiers.Nik.Mask(r.Nik), r.Category, r.Position, r.MonthlyWage, states[r.Id]))
            .OrderBy(r => r.Category)
            .ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .GroupBy(r => r.Category)];
        Total = states.Count;
        Covered = states.Values.Count(s => s == MembershipState.Active);
        return Page();
    }
}

internal sealed record RosterRow(Guid WorkerId, string Name, string MaskedNik, WorkerCategory Category, string? Position, long Wage, MembershipState State);
