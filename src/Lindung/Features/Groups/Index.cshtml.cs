using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Groups;

/// <summary>
/// Informal workers' groups (kelompok tani, guru ngaji, Tagana …) under agency programmes, with their
/// members enrolled and the monthly cost to enrol the rest; the admin and an agency's operator create groups here.
/// </summary>
[Authorize(Policy = Policies.Groups)]
internal sealed class IndexModel(ListGroups list, CreateGroup create, LindungDbContext db) : PageModel
{
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];

    public IReadOnlyList<GroupKind> Kinds { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public bool MayCreate => Policies.Allows(User, Policies.GroupsEdit);

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public string? VillageCode { get; set; }

    [BindProperty]
    public string? Payer { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(new GroupInput(Name, Kind, AgencyId, VillageCode, Payer), AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            return Redirect($"/groups/{result.Value.Id}?created=true");
        }

        ModelState.AddUseCaseErrors(result.Errors, field => field ?? string.Empty);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        Groups = await list.HandleAsync(scope, ct);
        if (MayCreate)
        {
            Kinds = await db.GroupKinds.AsNoTracking().OrderBy(k => k.NameId).ToListAsync(ct);
            var agencies = scope.OperatesAgency && !scope.IsIn(LindungRoles.RegionalAdmin)
                ? db.Agencies.Where(a => a.Id == scope.AgencyId)
                : db.AgenciesFor(scope).Where(a => a.ParentAgencyId == null);
            Agencies = [.. (await agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Name))];
        }
    }
}
