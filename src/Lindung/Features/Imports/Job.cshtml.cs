using Lindung.Data;
using Lindung.Data.Entities;
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
    public ImportJob Job { get; private set; } = null!;

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

        Job = job;
        Issues = ImportJobView.Issues(job);
        CancelRefused = cancelRefused;
        return Page();
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
