using System.Globalization;
using Lindung.Features.Imports;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Lindung.Localization;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Groups;

/// <summary>
/// One group: its members (NIK masked) with their enrolment today, the monthly cost to enrol the
/// rest at BPU rates with the group's payer, and the member-list import with its row report.
/// </summary>
[Authorize(Policy = Policies.Groups)]
internal sealed class DetailsModel(LoadGroup load, ImportGroupMembers import, LindungHostOptions host, IOptions<ImportOptions> options) : PageModel
{
    public GroupView Group { get; private set; } = null!;

    public GroupImportResult? Imported { get; private set; }

    public bool Created { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool ValidOnly { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool created, CancellationToken ct)
    {
        Created = created;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (upload, error) = await ImportUploads.SaveAsync(Upload, host.DataDirectory, options.Value.MaxUploadBytes, ct);

        ModelState.Clear();
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error.Message(Languages.IsEnglish(CultureInfo.CurrentUICulture)));
            return await ShowAsync(id, ct);
        }

        var path = ImportFiles.Full(host.DataDirectory, upload!.StoredPath);
        try
        {
            var result = await import.HandleAsync(id, path, null, ValidOnly, AccessScope.From(User), ct);
            if (!result.Succeeded && result.Errors[0].Code == GroupErrors.NotFound.Code)
            {
                return NotFound();
            }

            if (!result.Succeeded && result.Errors[0].Code == GroupErrors.NotAllowed.Code)
            {
                return Forbid();
            }

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

        return await ShowAsync(id, ct);
    }

    /// <summary>A member import's row report, CSV or the sheet back with the reasons, for those who keep the group.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, Guid batch, string? format, CancellationToken ct)
    {
        var result = await load.HandleAsync(id, AccessScope.From(User), english: false, ct);
        if (!result.Succeeded || !result.Value.MayEdit)
        {
            return NotFound();
        }

        var path = ImportGroupMembers.ReportPath(host.DataDirectory, id, batch, RowReportDownload.Extension(format));
        return RowReportDownload.Result(path, "laporan-anggota");
    }

    public static string ReportLink(GroupImportResult result, string format) =>
        $"/groups/{result.GroupId}?handler=Report&batch={result.BatchId}&format={format}";

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var result = await load.HandleAsync(id, AccessScope.From(User), Languages.IsEnglish(CultureInfo.CurrentUICulture), ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Group = result.Value;
        return Page();
    }
}
