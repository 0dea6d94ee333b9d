using Lindung.Application;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Enforcement;

/// <summary>
/// One case: where it stands on the ladder and until when, the findings as frozen, its letters and
/// history; the branch moves it to the next stage (the form asks what that stage needs), closes or
/// reopens it; the state attorney records its actions. Every change redirects back (PRG).
/// </summary>
[Authorize(Policy = Policies.Enforcement)]
internal sealed class DetailsModel(
    LoadCase load, AdvanceCase advance, CloseCase close, ReopenCase reopen, RecordProsecutorAction act, IStringLocalizer l) : PageModel
{
    public CaseView View { get; private set; } = null!;

    public string? Done { get; private set; }

    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    public long? ContributionsDue { get; set; }

    [BindProperty]
    public int? Months { get; set; }

    [BindProperty]
    public string? ProsecutorRegion { get; set; }

    [BindProperty]
    public string? SkkNumber { get; set; }

    [BindProperty]
    public DateOnly? SkkDate { get; set; }

    [BindProperty]
    public string? StateAttorney { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public long? Amount { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done is "opened" or "advanced" or "closed" or "reopened" or "action" ? l["enf.done." + done].Value : null;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAdvanceAsync(Guid id, CancellationToken ct) => await AfterAsync(
        id,
        "advanced",
        (await advance.HandleAsync(id, new AdvanceInput(Stage, ContributionsDue, Months, ProsecutorRegion, SkkNumber, SkkDate, StateAttorney, Note), AccessScope.From(User), ct)).Errors,
        ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, "closed", (await close.HandleAsync(id, Outcome, Amount, Note, AccessScope.From(User), ct)).Errors, ct);

    public async Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, "reopened", (await reopen.HandleAsync(id, Note, AccessScope.From(User), ct)).Errors, ct);

    public async Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, "action", (await act.HandleAsync(id, Note, Amount, AccessScope.From(User), ct)).Errors, ct);

    private async Task<IActionResult> AfterAsync(Guid id, string done, IReadOnlyList<UseCaseError> errors, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return Redirect($"/enforcement/{id}?done={done}");
        }

        if (errors[0].Code == EnforcementErrors.NotFound.Code)
        {
            return NotFound();
        }

        if (errors[0].Code == EnforcementErrors.NotAllowed.Code)
        {
            return Forbid();
        }

        ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var result = await load.HandleAsync(id, AccessScope.From(User), ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        View = result.Value;
        Stage ??= View.NextStage is { } next ? AdvanceCase.StageCode(next) : null;
        ProsecutorRegion ??= View.Case.RegionCode;
        return Page();
    }
}
