using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// <c>/reconciliation</c>: start a run (one agency or a region) in the background, the runs still
/// queued or running with their progress (read from the run rows, so a reload shows where they
/// stand), the latest runs, and links to the review queue and gap lists.
/// </summary>
[Authorize(Policy = Policies.Reconciliation)]
internal sealed class IndexModel(LindungDbContext db, ReconciliationJobQueue queue, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public string? RegionCode { get; set; }

    public IReadOnlyList<ReconciliationRun> Runs { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public int Pending { get; private set; }

    /// <summary>The run this page was sent back to after starting it, once it has succeeded.</summary>
    public ReconciliationRun? Started { get; private set; }

    public IReadOnlyList<ReconciliationRun> Active => [.. Runs.Where(r => !RunView.IsFinished(r.Status))];

    public bool CancelRefused { get; private set; }

    public bool Busy { get; private set; }

    public bool CanRun => Policies.Allows(User, Policies.ReconciliationDecide);

    public bool SeesRegion => AccessScope.From(User).SeesRegion;

    public AccessScope Scope => AccessScope.From(User);

    public string AgencyName(Guid? id) => id is { } known ? Agencies.FirstOrDefault(a => a.Id == known)?.Name ?? string.Empty : string.Empty;

    public async Task OnGetAsync(Guid? run, bool cancelRefused, bool busy, CancellationToken ct)
    {
        await LoadAsync(ct);
        Started = run is { } id ? Runs.FirstOrDefault(r => r.Id == id && r.Status == ReconciliationRunStatus.Succeeded) : null;
        CancelRefused = cancelRefused;
        Busy = busy;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanRun)
        {
            return Forbid();
        }

        var scope = AccessScope.From(User);
        var errors = new Dictionary<string, Domain.Validation.ValidationError>();
        var target = await StartRun.ResolveAsync(db, scope, new RunRequest(RegionCode, AgencyId), errors, ct);
        if (target is not { } t)
        {
            foreach (var (field, error) in errors)
            {
                ModelState.AddModelError(field, "reconciliation.error." + error.Code);
            }

            await LoadAsync(ct);
            return Page();
        }

        var run = await StartRun.QueueAsync(db, queue, t.Region, t.AgencyId, scope.UserName, clock, ct);
        return Redirect(run is null ? "/reconciliation?busy=true" : $"/reconciliation?run={run.Id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!CanRun)
        {
            return Forbid();
        }

        if (!await db.ReconciliationRunsFor(AccessScope.From(User)).AnyAsync(r => r.Id == id, ct))
        {
            return NotFound();
        }

        var cancelled = await CancelRun.CancelAsync(db, queue, id, clock.GetUtcNow().UtcDateTime, ct);
        return Redirect(cancelled ? "/reconciliation" : "/reconciliation?cancelRefused=true");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        Agencies = await db.AgenciesFor(scope).AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        Runs = await db.ReconciliationRunsFor(scope).AsNoTracking().OrderByDescending(r => r.StartedAt).Take(20).ToListAsync(ct);
        Pending = await (await ReviewQueue.PendingAsync(db, scope, null, ct)).CountAsync(ct);
    }
}
