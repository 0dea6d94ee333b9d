using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Domain.Coverage;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Workers;

[Authorize(Policy = Policies.Registry)]
internal sealed class DetailsModel(LindungDbContext db, RateBook rates, TimeProvider clock) : PageModel
{
    public Worker Worker { get; private set; } = null!;

    /// <summary>What the viewer's role may see of the worker (<see cref="PersonalDataPolicy"/>).</summary>
    public PersonalDataView View { get; private set; } = PersonalDataView.Nothing;

    /// <summary>Village, district, city/regency — the narrowest first, as an address is written.</summary>
    public IReadOnlyList<Area> Region { get; private set; } = [];

    public IReadOnlyList<EmploymentRow> Employments { get; private set; } = [];

    public IReadOnlyList<Membership> Memberships { get; private set; } = [];

    /// <summary>For a foreign worker: the first day membership is required (<see cref="ForeignMembershipRule"/>), from their first employment.</summary>
    public DateOnly? ForeignDueFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var worker = await db.WorkersFor(scope).AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (worker is null)
        {
            return NotFound();
        }

        Worker = worker;
        View = PersonalDataPolicy.For(scope);
        Region = [.. AreaDirectory.Embedded.Path(worker.RegionCode).Where(a => a.Level >= AreaLevel.Regency).Reverse()];
        Employments = await db.EmploymentsFor(scope)
            .Where(e => e.WorkerId == id)
            .OrderByDescending(e => e.ValidFrom)
            .Select(e => new EmploymentRow(e.ValidFrom, e.ValidTo, e.Agency != null ? e.Agency.Name : e.Employer!.Name, e.AgencyId, e.EmployerId, e.Category, e.Position, e.MonthlyWage))
            .ToListAsync(ct);
        // The worker is in scope (checked above), so all of their memberships are: MembershipsFor would
        // make the database build the scope's whole worker set again (seconds at millions of workers).
        Memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.WorkerId == id)
            .OrderByDescending(m => m.ValidFrom)
            .ToListAsync(ct);
        if (worker.Nationality is not null && Employments.Count > 0)
        {
            ForeignDueFrom = ForeignMembershipRule.InForce(rates, clock.Today()).DueFrom(Employments.Min(e => e.ValidFrom));
        }

        return Page();
    }
}

internal sealed record EmploymentRow(
    DateOnly ValidFrom, DateOnly? ValidTo, string Workplace, Guid? AgencyId, Guid? EmployerId, WorkerCategory Category, string? Position, long Wage);
