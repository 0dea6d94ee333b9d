using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Dashboard;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>
/// <c>/imports/{id}</c>: one job as it stands now (a reload always shows the current state, with or
/// without script), its progress, a cancel button while it can stop, and the results when done.
/// </summary>
[Authorize(Policy = Policies.Registry)]
internal sealed class JobModel(LindungDbContext db, ImportJobQueue queue, TimeProvider clock) : PageModel
{
    /// <summary>The runner's phases, each with a translated label (the progress poll shows them too).</summary>
    public static readonly IReadOnlyList<string> Phases =
        [ImportRunner.PhaseHashing, ImportRunner.PhaseValidating, ImportRunner.PhaseMerging, ImportRunner.PhaseCommitting, ImportRunner.PhaseDone];

    public ImportJob Job { get; private set; } = null!;

    /// <summary>The plan the job waits on, when it does.</summary>
    public StoredPlan? Plan { get; private set; }

    /// <summary>The committed batch, when the job committed one: its undo state.</summary>
    public ImportBatch? Batch { get; private set; }

    /// <summary>Why a confirmation or undo was refused, shown above the plan or the result.</summary>
    public UseCaseError? Refusal { get; private set; }

    [BindProperty]
    public string? PlanFingerprint { get; set; }

    [BindProperty]
    public string? AgencyCode { get; set; }

    public IReadOnlyList<RowIssue> Issues { get; private set; } = [];

    public bool Finished => ImportJobView.IsFinished(Job.Status);

    public int? Percent => ImportJobView.Percent(Job);

    public bool CancelRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool cancelRefused, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } job)
        {
            return NotFound();
        }

        await ShowAsync(job, ct);
        CancelRefused = cancelRefused;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, [FromServices] ConfirmImport confirm, CancellationToken ct)
    {
        var request = new ImportConfirmationRequest(id, PlanFingerprint, Force: !string.IsNullOrWhiteSpace(AgencyCode), AgencyCode);
        var result = await confirm.HandleAsync(request, AccessScope.From(User), ct);
        return await AfterAsync(id, result.Succeeded ? null : result.Errors[0], ct);
    }

    public async Task<IActionResult> OnPostUndoAsync(Guid id, [FromServices] UndoImport undo, CancellationToken ct)
    {
        var result = await undo.HandleJobAsync(id, AccessScope.From(User), ct);
        if (!result.Succeeded && result.Errors[0].Code == UndoErrors.NotFound.Code)
        {
            return NotFound();
        }

        if (result.Succeeded && HttpContext.RequestServices.GetService<SnapshotRefresher>() is { } snapshots)
        {
            await snapshots.RefreshNowAsync(ct);
        }

        return await AfterAsync(id, result.Succeeded ? null : result.Errors[0], ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, UseCaseError? refusal, CancellationToken ct)
    {
        if (refusal is null)
        {
            return Redirect($"/imports/{id}");
        }

        if (await FindAsync(id, ct) is not { } job)
        {
            return NotFound();
        }

        await ShowAsync(job, ct);
        Refusal = refusal;
        return Page();
    }

    private async Task ShowAsync(ImportJob job, CancellationToken ct)
    {
        Job = job;
        Issues = ImportJobView.Issues(job);
        Plan = job.Status == ImportJobStatus.AwaitingConfirmation ? StoredPlan.Load(job.Plan) : null;
        Batch = job.Committed && job.BatchId is { } batchId
            ? await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct)
            : null;
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return NotFound();
        }

        var cancelled = await CancelImport.CancelAsync(db, queue, id, clock.GetUtcNow().UtcDateTime, ct);
        return Redirect(cancelled ? $"/imports/{id}" : $"/imports/{id}?cancelRefused=true");
    }

    private Task<ImportJob?> FindAsync(Guid id, CancellationToken ct) =>
        db.ImportJobsFor(AccessScope.From(User)).AsNoTracking().Include(j => j.Agency).SingleOrDefaultAsync(j => j.Id == id, ct);
}
