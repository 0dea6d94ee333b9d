using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Features.Agencies;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Admin;

/// <summary><c>/admin/agencies</c> lists agencies and creates one; <c>/admin/agencies/{id}</c> edits one.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class AgenciesModel(LindungDbContext db, SaveAgency save) : PageModel
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
                Institution = agency.Institution,
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        EditingId = id;
        var kind = Enum.GetValues<AgencyKind>().Cast<AgencyKind?>().FirstOrDefault(k => EnumCodes<AgencyKind>.ToCode(k!.Value) == Input.Kind);
        var request = new AgencyRequest(Input.Code, Input.Name, kind, Input.ParentId, Input.RegionCode, Input.Institution);
        var result = await save.HandleAsync(id, request, AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            return Redirect("/admin/agencies?saved=true");
        }

        if (result.Errors[0].Code == SaveAgency.NotFound.Code)
        {
            return NotFound();
        }

        ModelState.AddUseCaseErrors(result.Errors, FieldOf);
        await LoadAsync(ct);
        return Page();
    }

    private static string FieldOf(string? field) => field switch
    {
        SaveAgency.CodeField => "Input.Code",
        SaveAgency.NameField => "Input.Name",
        SaveAgency.KindField => "Input.Kind",
        SaveAgency.ParentField => "Input.ParentId",
        SaveAgency.RegionField => "Input.RegionCode",
        SaveAgency.InstitutionField => "Input.Institution",
        _ => string.Empty,
    };

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

    public string? Institution { get; set; }
}
