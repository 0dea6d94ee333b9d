using Lindung.Domain.Enforcement;
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
internal sealed class IndexModel(ListCases list, OpenCase open) : PageModel
{
    public CaseList List { get; private set; } = null!;

    [FromQuery(Name = "stage")]
    public string? Stage { get; set; }

    [FromQuery(Name = "overdue")]
    public bool Overdue { get; set; }

    [FromQuery(Name = "closed")]
    public bool Closed { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        EnforcementStage? stage = Enum.TryParse<EnforcementStage>(Stage, ignoreCase: true, out var s) && !int.TryParse(Stage, out _) ? s : null;
        List = await list.HandleAsync(new CaseFilter(stage, Overdue, Closed ? false : true), AccessScope.From(User), ct);
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
