using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Imports;

/// <summary>The upload form beside the field the page binds.</summary>
internal sealed class ImportInput
{
    public string Kind { get; set; } = "ROSTER";

    public string? Agency { get; set; }

    public string Mode { get; set; } = "ALL_OR_NOTHING";

    /// <summary>UPDATE (preselected: never ends anyone) or REPLACE.</summary>
    public string RosterMode { get; set; } = "UPDATE";

    public string? Sheet { get; set; }

    public string? Region { get; set; }
}

/// <summary><c>/imports</c>: upload a roster or membership file, and the recent imports in the user's scope.</summary>
[Authorize(Policy = Policies.Registry)]
internal sealed class IndexModel(
    LindungDbContext db, ImportJobQueue queue, IOptions<ImportOptions> options, LindungHostOptions host, ImportSettings settings, TimeProvider clock) : PageModel
{
    public const int Recent = 20;

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<ImportJob> Jobs { get; private set; } = [];

    public IReadOnlyDictionary<string, ValidationError> Errors { get; private set; } = new Dictionary<string, ValidationError>();

    public bool MayImportMembers => AccessScope.From(User).SeesRegion;

    public AccessScope Scope => AccessScope.From(User);

    public long MaxUploadMegabytes => options.Value.MaxUploadBytes / (1024 * 1024);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var (upload, error) = await ImportUploads.SaveAsync(Upload, host.DataDirectory, options.Value.MaxUploadBytes, ct);

        if (error is not null)
        {
            Errors = new Dictionary<string, ValidationError> { ["file"] = error };
            await LoadAsync(ct);
            return Page();
        }

        var choice = new ImportChoice(Input.Kind, Input.Agency, Input.Mode, Input.Sheet, Input.Region, RosterMode: Input.RosterMode);
        var (job, errors) = await StartImport.CreateAsync(
            db, queue, scope, choice, upload!, host.DataDirectory, allowMapping: true, settings.Limits, clock.GetUtcNow().UtcDateTime, ct);
        if (job is null)
        {
            Errors = errors;
            await LoadAsync(ct);
            return Page();
        }

        return Redirect(job.Status == ImportJobStatus.AwaitingMapping ? $"/imports/{job.Id}/mapping" : $"/imports/{job.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        Agencies = await db.AgenciesFor(scope).AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        Jobs = await db.ImportJobsFor(scope).AsNoTracking().Include(j => j.Agency)
            .OrderByDescending(j => j.CreatedAt).Take(Recent).ToListAsync(ct);
    }
}
