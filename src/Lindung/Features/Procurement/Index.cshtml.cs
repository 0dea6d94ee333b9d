using System.Globalization;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Features.Imports;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Procurement;

/// <summary>
/// The contracts the caller may see (a commitment officer: its agency's), newest first, each marked
/// protected or not; and, for those who register contracts, the upload of a contract file
/// (<see cref="ImportContracts"/>) with its counts and row report.
/// </summary>
[Authorize(Policy = Policies.Procurement)]
internal sealed class IndexModel(LindungDbContext db, LindungHostOptions host, RateBook rates, TimeProvider clock, ImportContracts import, IOptions<ImportOptions> options) : PageModel
{
    private const int PageSize = 25;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public ContractImportInput Input { get; set; } = new();

    public IReadOnlyList<Contract> Contracts { get; private set; } = [];

    public IReadOnlySet<Guid> Unprotected { get; private set; } = new HashSet<Guid>();

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    /// <summary>Whether the caller may import (commitment officer, admin).</summary>
    public bool MayImport => Policies.Allows(User, Policies.ProcurementEdit);

    /// <summary>The agencies an admin may import for; empty for a commitment officer, whose agency is its own.</summary>
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>The last upload's answer, shown above the list.</summary>
    public ContractImportResult? Imported { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!MayImport)
        {
            return Forbid();
        }

        var (upload, error) = await ImportUploads.SaveAsync(Upload, host.DataDirectory, options.Value.MaxUploadBytes, ct);

        ModelState.Clear();
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error.Message(Localization.Languages.IsEnglish(CultureInfo.CurrentUICulture)));
        }
        else
        {
            var path = ImportFiles.Full(host.DataDirectory, upload!.StoredPath);
            try
            {
                var result = await import.HandleAsync(
                    new ContractImportRequest(path, upload.OriginalFileName, Input.AgencyId, Sheet: Input.Sheet, ValidOnly: Input.ValidOnly), AccessScope.From(User), ct);
                if (result.Succeeded)
                {
                    Imported = result.Value;
                }
                else
                {
                    ModelState.AddUseCaseErrors(result.Errors, _ => string.Empty);
                }
            }
            finally
            {
                ImportFiles.TryDelete(path);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>An import's row report, CSV or the sheet back, for those who may import for its agency.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid agency, Guid batch, string? format, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var agencies = scope.ProcuresForAgency ? db.Agencies.Where(a => a.Id == scope.AgencyId) : db.AgenciesFor(scope);
        if (!MayImport || !await agencies.AnyAsync(a => a.Id == agency, ct))
        {
            return NotFound();
        }

        var path = ImportContracts.ReportPath(host.DataDirectory, agency, batch, RowReportDownload.Extension(format));
        return RowReportDownload.Result(path, "laporan-kontrak");
    }

    public static string ReportLink(ContractImportResult result, string format) =>
        $"/contracts?handler=Report&agency={result.AgencyId}&batch={result.BatchId}&format={format}";

    public PagerModel Pager => new(Paging, page => string.Create(CultureInfo.InvariantCulture, $"/contracts?page={page}"));

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var contracts = Procurement.Contracts.For(db, scope).AsNoTracking();
        Paging = new Paging(Paging.Clamp(PageNumber), PageSize, await contracts.CountAsync(ct));
        Contracts = await contracts.OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id).Skip(Paging.Skip).Take(PageSize).ToListAsync(ct);
        Unprotected = await Procurement.Contracts.UnprotectedAsync(db, rates, Contracts, clock.Today(), ct);
        Agencies = MayImport && !scope.ProcuresForAgency
            ? await db.AgenciesFor(scope).AsNoTracking().OrderBy(a => a.Name).Take(500).ToListAsync(ct)
            : [];
    }
}

internal sealed class ContractImportInput
{
    public Guid? AgencyId { get; set; }

    public string? Sheet { get; set; }

    public bool ValidOnly { get; set; }
}
