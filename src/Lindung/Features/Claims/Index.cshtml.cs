using System.Globalization;
using Lindung.Application;
using Lindung.Features.Imports;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Claims;

/// <summary>
/// Claims beside coverage: the uncovered accidents and deaths of this year with the liability they leave,
/// claims by kind and status, the median days to payment against the SLA, the overdue ones first; the
/// agency and the branch record a claim and move it on here, or upload the branch's claims extract
/// (<see cref="ImportClaims"/>) and read its counts and row report.
/// </summary>
[Authorize(Policy = Policies.Claims)]
internal sealed class IndexModel(
    ListClaims list, RecordClaim record, UpdateClaim update, ImportClaims import, LindungHostOptions host, IOptions<ImportOptions> options) : PageModel
{
    public ClaimList List { get; private set; } = null!;

    public bool MayRecord { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public ClaimForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public ClaimImportInput ImportInput { get; set; } = new();

    /// <summary>The last upload's answer, shown above the list.</summary>
    public ClaimImportResult? Imported { get; private set; }

    /// <summary>Whether this answer is to an upload: its form stays open, the record form closed.</summary>
    public bool ImportPosted { get; private set; }

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

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!ClaimsAccess.Records(AccessScope.From(User)))
        {
            return Forbid();
        }

        ImportPosted = true;
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
                var result = await import.HandleAsync(new ClaimImportRequest(path, upload.OriginalFileName, ImportInput.Sheet, ImportInput.ValidOnly), AccessScope.From(User), ct);
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

    /// <summary>An import's row report, CSV or the sheet back, for its uploader only.</summary>
    public IActionResult OnGetReport(Guid batch, string? format)
    {
        if (!ClaimsAccess.Records(AccessScope.From(User)))
        {
            return NotFound();
        }

        var path = ImportClaims.ReportPath(host.DataDirectory, AccessScope.From(User).UserName, batch, RowReportDownload.Extension(format));
        return RowReportDownload.Result(path, "laporan-klaim");
    }

    public static string ReportLink(ClaimImportResult result, string format) =>
        $"/claims?handler=Report&batch={result.BatchId}&format={format}";

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

internal sealed class ClaimImportInput
{
    public string? Sheet { get; set; }

    public bool ValidOnly { get; set; }
}
