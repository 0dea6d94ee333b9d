using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Field;

/// <summary>
/// The house-to-house pipeline: per village and officer how many leads were captured, contacted, are
/// willing, registered and paid, and the newest leads, which the officer moves on.
/// </summary>
[Authorize(Policy = Policies.Leads)]
internal sealed class LeadsModel(ListLeads list, AdvanceLead advance) : PageModel
{
    public LeadsView View { get; private set; } = null!;

    public bool MayAdvance => Policies.Allows(User, Policies.FieldCapture);

    /// <summary>A field officer may not open the village pages: its pipeline names the villages without a link that would be refused.</summary>
    public bool MaySeeVillages => Policies.Allows(User, Policies.Villages);

    public async Task OnGetAsync(CancellationToken ct) => View = await list.HandleAsync(AccessScope.From(User), ct);

    public async Task<IActionResult> OnPostStageAsync(Guid id, string? stage, CancellationToken ct)
    {
        var result = await advance.HandleAsync(id, stage, AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            return Redirect("/leads");
        }

        ModelState.AddUseCaseErrors(result.Errors, field => field ?? string.Empty);
        View = await list.HandleAsync(AccessScope.From(User), ct);
        return Page();
    }
}
