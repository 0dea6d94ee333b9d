using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Features.Compliance;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Employers;

[Authorize(Policy = Policies.Employers)]
internal sealed class DetailsModel(LindungDbContext db, TimeProvider clock, CheckEmployerCompliance compliance) : PageModel
{
    public Employer Employer { get; private set; } = null!;

    public string? RegionName { get; private set; }

    /// <summary>
    /// Worker counts come from the registry as this user may see it; roles without access to
    /// workers (a licensing officer) get no counts rather than misleading zeros.
    /// </summary>
    public EmployerCounts? Counts { get; private set; }

    /// <summary>Null when the employer has no NPP, NIB or NPWP to check by.</summary>
    public EmployerCompliance? Compliance { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var employer = await db.EmployersFor(scope).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (employer is null)
        {
            return NotFound();
        }

        Employer = employer;
        RegionName = AreaDirectory.Embedded.Find(employer.RegionCode)?.Name;
        if ((employer.Npp ?? employer.Nib ?? employer.Npwp) is { } identifier
            && await compliance.HandleAsync(identifier, scope, ct) is { Succeeded: true } check)
        {
            Compliance = check.Value;
        }

        if (scope.SeesRegion)
        {
            var today = clock.Today();
            var workers = await db.EmploymentsFor(scope).ValidOn(today).Where(e => e.EmployerId == id).Select(e => e.WorkerId).Distinct().CountAsync(ct);
            var byNpp = employer.Npp is null ? db.MembershipsFor(scope).Where(_ => false) : db.MembershipsFor(scope).Where(m => m.EmployerNpp == employer.Npp);
            var memberships = await byNpp.ValidOn(today).CountAsync(ct);
            var active = await byNpp.CoveredOn(today).CountAsync(ct);
            Counts = new EmployerCounts(workers, memberships, active);
        }

        return Page();
    }
}

internal sealed record EmployerCounts(int Workers, int Memberships, int ActiveMemberships);
