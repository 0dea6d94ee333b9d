using Lindung.Data;
using Lindung.Domain.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Enforcement;

/// <summary>
/// The docket: the report (open cases by stage, overdue, sanctioned, outcomes, rupiah recovered, the
/// last twelve months) and the cases, overdue first. A case is opened from an employer's page, which
/// posts here.
/// </summary>
[Authorize(Policy = Policies.Enforcement)]
internal sealed class IndexModel(ListCases list, OpenCase open, ListCaseCandidates candidates, OpenCases openMany) : PageModel
{
    public CaseList List { get; private set; } = null!;

    [FromQuery(Name = "stage")]
    public string? Stage { get; set; }

    [FromQuery(Name = "overdue")]
    public bool Overdue { get; set; }

    [FromQuery(Name = "closed")]
    public bool Closed { get; set; }

    /// <summary>Whether the employers with findings are asked for (they are counted across the region, so only on request).</summary>
    [FromQuery(Name = "candidates")]
    public bool ShowCandidates { get; set; }

    public bool MayOpen { get; private set; }

    /// <summary>Employers with PDS findings and no case yet, when asked for by those who open cases (empty otherwise).</summary>
    public IReadOnlyList<CaseCandidate> Candidates { get; private set; } = [];

    /// <summary>What a batch opening gave, employer by employer; null until one is sent.</summary>
    public IReadOnlyList<BulkOpenRow>? Bulk { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Opens the chosen candidates' cases; the page then lists each one's case or reason.</summary>
    public async Task<IActionResult> OnPostBulkAsync(List<Guid> employerIds, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var result = await openMany.HandleAsync(employerIds, scope, Lindung.Localization.Languages.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture), ct);
        if (!result.Succeeded && result.Errors[0].Code == EnforcementErrors.NotAllowed.Code)
        {
            return Forbid();
        }

        ShowCandidates = true;
        if (result.Succeeded)
        {
            Bulk = result.Value;
        }
        else
        {
            ModelState.AddUseCaseErrors(result.Errors, field => field ?? string.Empty);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var stage = EnumCodes<EnforcementStage>.ParseName(Stage);
        List = await list.HandleAsync(new CaseFilter(stage, Overdue, Closed ? false : true), scope, ct);
        MayOpen = EnforcementAccess.Manages(scope);
        Candidates = ShowCandidates ? await candidates.HandleAsync(scope, ct) : [];
    }

    /// <summary>Opens a case from the employer page's button; a refusal goes back to that page with its reason.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid employerId, CancellationToken ct)
    {
        var result = await open.HandleAsync(employerId, AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            return Redirect($"/enforcement/{result.Value.Id}?done=opened");
        }

        if (result.Errors[0].Code == EnforcementErrors.NotAllowed.Code)
        {
            return Forbid();
        }

        return Redirect($"/employers/{employerId}?case_error={Uri.EscapeDataString(result.Errors[0].Code)}#compliance");
    }
}
