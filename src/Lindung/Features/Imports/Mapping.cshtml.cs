using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Rosters;
using Lindung.Domain.Validation;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>
/// <c>/imports/{id}/mapping</c>: the header lacks required columns, so each missing column gets a
/// choice of the file's header cells, with the first rows to judge by; saving queues the job.
/// </summary>
[Authorize(Policy = Policies.Registry)]
internal sealed class MappingModel(LindungDbContext db, ImportJobQueue queue, LindungHostOptions host, ImportSettings settings) : PageModel
{
    public const int PreviewRows = 5;

    [BindProperty]
    public Dictionary<string, string?> Picks { get; set; } = new(StringComparer.Ordinal);

    public ImportJob Job { get; private set; } = null!;

    public IReadOnlyList<string> Header { get; private set; } = [];

    public IReadOnlyList<string[]> Preview { get; private set; } = [];

    public IReadOnlyList<ColumnSpec> Missing { get; private set; } = [];

    public IReadOnlyDictionary<string, ValidationError> Errors { get; private set; } = new Dictionary<string, ValidationError>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Job.Status != ImportJobStatus.AwaitingMapping)
        {
            return Redirect($"/imports/{id}");
        }

        Errors = await MapColumns.ApplyAsync(db, queue, Job, Header, Picks, ct);
        return Errors.Count == 0 ? Redirect($"/imports/{id}") : Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobsFor(AccessScope.From(User)).AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return false;
        }

        Job = job;
        if (job.Status == ImportJobStatus.AwaitingMapping)
        {
            var path = ImportFiles.Full(host.DataDirectory, job.StoredPath);
            try
            {
                (Header, Preview) = ImportTable.Peek(path, job.Sheet, settings.Limits, PreviewRows);
            }
            catch (TableFileException exception)
            {
                // The header read when it was uploaded, a preview row does not: map by the header and say why there is no preview.
                Header = ImportTable.Peek(path, job.Sheet, settings.Limits, rows: 0).Header;
                Errors = new Dictionary<string, ValidationError>(StringComparer.Ordinal) { ["file"] = exception.ErrorFor(path, job.OriginalFileName) };
            }

            Missing = ImportColumns.Missing(job.Kind, Header, ImportColumns.FromJson(job.ColumnOverrides));
        }

        return true;
    }
}
