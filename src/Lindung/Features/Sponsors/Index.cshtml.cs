using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Sponsors;

/// <summary>
/// The sponsors (bapak asuh) of the caller's regions with what they fund, what is due and which
/// periods need a handover; the regional admin registers new ones here. A Sponsor account goes straight
/// to its own page.
/// </summary>
[Authorize(Policy = Policies.Sponsors)]
internal sealed class IndexModel(ListSponsors list, SaveSponsor save) : PageModel
{
    public IReadOnlyList<SponsorSummary> Sponsors { get; private set; } = [];

    public bool MayCreate => Policies.Allows(User, Policies.SponsorsEdit);

    public RegionPicker Region => RegionPicker.For(AccessScope.From(User), "sponsor-region", nameof(RegionCode), RegionCode);

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? AccountEmail { get; set; }

    [BindProperty]
    public string? RegionCode { get; set; }

    [BindProperty]
    public string? Villages { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Sponsors = await list.HandleAsync(AccessScope.From(User), ct);
        return !MayCreate && !AccessScope.From(User).SeesRegion && Sponsors.Count == 1 ? Redirect($"/sponsors/{Sponsors[0].Id}") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var villages = (Villages ?? string.Empty).Split([',', ';', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await save.HandleAsync(new SponsorInput(Name, Kind, AccountEmail, RegionCode, villages), AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            return Redirect($"/sponsors/{result.Value.Id}?created=true");
        }

        ModelState.AddUseCaseErrors(result.Errors, field => field ?? string.Empty);
        Sponsors = await list.HandleAsync(AccessScope.From(User), ct);
        return Page();
    }
}
