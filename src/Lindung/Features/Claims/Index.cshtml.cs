using Lindung.Application;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Claims;

/// <summary>
/// Claims beside coverage: the uncovered accidents and deaths of this year with the liability they leave,
/// claims by kind and status, the median days to payment against the SLA, the overdue ones first; the
/// agency and the branch record a claim and move it on here.
/// </summary>
[Authorize(Policy = Policies.Claims)]
internal sealed class IndexModel(ListClaims list, RecordClaim record, UpdateClaim update) : PageModel
{
    public ClaimList List { get; private set; } = null!;

    public bool MayRecord { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public ClaimForm Input { get; set; } = new();

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct) => await AfterAsync(
        (await record.HandleAsync(new ClaimInput(Input.Nik, Input.Kind, Input.Death, Input.EventDate, Input.ClaimDate, Input.DocumentsCompleteOn, Input.MonthlyWage), AccessScope.From(User), ct)).Errors,
        "recorded",
        ct);

    public async Task<IActionResult> OnPostUpdateAsync(Guid claimId, string? status, DateOnly? documentsCompleteOn, DateOnly? paidOn, long? paidAmount, CancellationToken ct) => await AfterAsync(
        (await update.HandleAsync(claimId, new ClaimUpdate(status, null, documentsCompleteOn, paidOn, paidAmount), AccessScope.From(User), ct)).Errors,
        "updated",
        ct);

    private async Task<IActionResult> AfterAsync(IReadOnlyList<UseCaseError> errors, string done, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return Redirect($"/claims?done={done}");
        }

        ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        MayRecord = ClaimsAccess.Records(scope);
        List = await list.HandleAsync(scope, ct);
    }
}

internal sealed class ClaimForm
{
    public string? Nik { get; set; }

    public string? Kind { get; set; } = "jkk";

    public bool Death { get; set; }

    public DateOnly? EventDate { get; set; }

    public DateOnly? ClaimDate { get; set; }

    public DateOnly? DocumentsCompleteOn { get; set; }

    public long? MonthlyWage { get; set; }
}
