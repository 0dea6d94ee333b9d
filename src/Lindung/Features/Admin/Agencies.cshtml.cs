using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Admin;

/// <summary><c>/admin/agencies</c> lists agencies and creates one; <c>/admin/agencies/{id}</c> edits one.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class AgenciesModel(LindungDbContext db) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public Guid? EditingId { get; private set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        if (id is not null)
        {
            var agency = await db.AgenciesFor(AccessScope.From(User)).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (agency is null)
            {
                return NotFound();
            }

            EditingId = id;
            Input = new AgencyInput
            {
                Code = agency.Code,
                Name = agency.Name,
                Kind = EnumCodes<AgencyKind>.ToCode(agency.Kind),
                ParentId = agency.ParentAgencyId,
                RegionCode = agency.RegionCode,
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var agency = id is null ? null : await db.AgenciesFor(scope).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (id is not null && agency is null)
        {
            return NotFound();
        }

        EditingId = id;
        var code = Input.Code?.Trim();
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 32)
        {
            ModelState.AddModelError("Input.Code", "admin.error.code");
        }

        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", "admin.error.name");
        }

        var kind = Enum.GetValues<AgencyKind>().Cast<AgencyKind?>().FirstOrDefault(k => EnumCodes<AgencyKind>.ToCode(k!.Value) == Input.Kind);
        if (kind is null)
        {
            ModelState.AddModelError("Input.Kind", "admin.error.kind");
        }

        var region = AdminRegions.Validate(Input.RegionCode, scope, out var regionError);
        if (regionError is not null)
        {
            ModelState.AddModelError("Input.RegionCode", regionError);
        }

        if (Input.ParentId is { } parent && (parent == id || !await db.AgenciesFor(scope).AnyAsync(a => a.Id == parent, ct)))
        {
            ModelState.AddModelError("Input.ParentId", "admin.error.parent");
        }

        if (region is not null && code is not null && await db.Agencies.AnyAsync(a => a.RegionCode == region && a.Code == code && a.Id != id, ct))
        {
            ModelState.AddModelError("Input.Code", "admin.error.code-taken");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        if (agency is null)
        {
            agency = new Agency { Code = code!, Name = name!, RegionCode = region! };
            db.Agencies.Add(agency);
        }

        agency.Code = code!;
        agency.Name = name!;
        agency.Kind = kind!.Value;
        agency.ParentAgencyId = Input.ParentId;
        agency.RegionCode = region!;
        // The audit interceptor records the change with the signed-in admin as actor.
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/agencies?saved=true");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Agencies = await db.AgenciesFor(AccessScope.From(User)).AsNoTracking().OrderBy(a => a.RegionCode).ThenBy(a => a.Name).ToListAsync(ct);

    public static string RegionName(string code) => AreaDirectory.Embedded.Find(code)?.Name ?? code;
}

internal sealed class AgencyInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public Guid? ParentId { get; set; }

    public string? RegionCode { get; set; }
}
