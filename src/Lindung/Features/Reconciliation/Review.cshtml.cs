using Lindung.Data;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Reconciliation;

/// <summary><c>/reconciliation/review</c>: each roster row beside its candidate memberships, with Accept / Reject per pair.</summary>
[Authorize(Policy = Policies.Reconciliation)]
internal sealed class ReviewModel(LindungDbContext db, TimeProvider clock) : PageModel
{
    private const int PageSize = 20;

    // From the query only: Razor Pages keep the page's own path in the route value "page", which
    // a plain binding would read (and refuse) before the query string.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public bool CanDecide => Policies.Allows(User, Policies.ReconciliationDecide);

    /// <summary>Whether the viewer's role sees no names, NIKs or KPJs, only the evidence (docs/PRIVACY.md).</summary>
    public bool Withheld => PersonalDataPolicy.For(AccessScope.From(User)).AggregatesOnly;

    public string? Decided { get; private set; }

    public async Task OnGetAsync(string? decided, CancellationToken ct)
    {
        Decided = decided is DecideReview.Accept or DecideReview.Reject ? decided : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid resultId, string? kpj, string? decision, CancellationToken ct)
    {
        if (!CanDecide)
        {
            return Forbid();
        }

        var scope = AccessScope.From(User);
        var errors = await DecideReview.DecideAsync(db, scope, resultId, new DecisionRequest(kpj, decision), scope.UserName, clock, ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Count > 0)
        {
            foreach (var (field, error) in errors)
            {
                ModelState.AddModelError(field, "reconciliation.error." + error.Code);
            }

            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/reconciliation/review?decided={decision!.Trim().ToUpperInvariant()}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var page = Paging.Clamp(PageNumber);
        var (items, total) = await ReviewQueue.LoadAsync(db, AccessScope.From(User), null, (page - 1) * PageSize, PageSize, clock.Today(), ct);
        Items = items;
        Paging = new Paging(page, PageSize, total);
    }
}
