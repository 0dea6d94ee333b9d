using Lindung.Data;
using Lindung.Domain.Contributions;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Reconciliation;

/// <summary><c>/reconciliation/gaps/{agency}</c>: who to register, reactivate, correct or complete, and what it costs per month; CSV export.</summary>
[Authorize(Policy = Policies.Reconciliation)]
internal sealed class GapsModel(LindungDbContext db, TimeProvider clock, RateBook rates) : PageModel
{
    public AgencyGapList List { get; private set; } = null!;

    public GapPricing Pricing { get; private set; } = null!;

    public bool CanRun => Policies.Allows(User, Policies.ReconciliationDecide);

    /// <summary>The gap the list is filtered to, when one is chosen.</summary>
    [FromQuery(Name = "gap")]
    public GapKind? Gap { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paging Paging { get; private set; } = new(1, Paging.DefaultSize, 0);

    /// <summary>The page of gap lines shown: an agency of 150,000 uncovered workers is never one page of HTML.</summary>
    public IReadOnlyList<GapLine> Shown { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // The page is a list: NIKs masked for everyone (so no birth date or sex either, docs/PRIVACY.md).
        var list = await LoadAsync(id, PersonalDataPolicy.For(AccessScope.From(User)).InList, ct);
        if (list is null)
        {
            return NotFound();
        }

        List = list;
        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultSize, list.Lines(Gap));
        Shown = await AgencyGaps.PageAsync(db, AccessScope.From(User), list, Pricing, Gap, Paging.Skip, Paging.PageSize, ct);
        return Page();
    }

    /// <summary>A link to another page or gap of this list.</summary>
    public string Link(int page, GapKind? gap) =>
        $"/reconciliation/gaps/{List.Agency.Id}?page={page}" + (gap is { } g ? $"&gap={g}" : string.Empty);

    /// <summary>
    /// The whole list as CSV (written to the response row by row) or XLSX (built in a temporary file), never held in memory,
    /// with what the caller's role may see of each worker (docs/PRIVACY.md): the full NIK for those who register workers
    /// from it, the totals alone for a role that sees aggregates only.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var list = await LoadAsync(id, PersonalDataPolicy.For(scope), ct);
        if (list is null)
        {
            return NotFound();
        }

        var title = $"{GapReport.Title}: {list.Agency.Name}";
        // The as-of time of the run the figures come from, in the subtitle and (for a CSV, which has no room for it) the file name.
        var asOf = list.Run is { } run ? $" · per {Formats.Moment(run.StartedAt)}" + (list.Freshness!.Stale ? " (data berubah sejak itu)" : string.Empty) : string.Empty;
        var subtitle = $"{list.Agency.Code} · iuran {Pricing.Month}{asOf}";
        var name = $"kesenjangan-{list.Agency.Code}-{Pricing.Month}"
            + (list.Run is { } r ? "-per-" + r.StartedAt.ToString("yyyyMMdd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (list.Withheld)
        {
            var summary = new MemoryStream();
            if (xlsx)
            {
                GapExport.WriteXlsx(summary, title, subtitle, list.Totals);
            }
            else
            {
                GapExport.WriteSummaryCsv(summary, list.Totals);
            }

            summary.Position = 0;
            return xlsx ? File(summary, XlsxType, name + ".xlsx") : File(summary, "text/csv; charset=utf-8", name + ".csv");
        }

        var lines = AgencyGaps.StreamAsync(db, scope, list, Pricing, ct);
        if (xlsx)
        {
            var file = await GapExport.XlsxFileAsync(title, subtitle, list.Totals, lines, ct);
            return File(file, XlsxType, name + ".xlsx");
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = name + ".csv" }.ToString();
        await GapExport.WriteLinesCsvAsync(Response.Body, lines, ct);
        return new EmptyResult();
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<AgencyGapList?> LoadAsync(Guid id, PersonalDataView view, CancellationToken ct)
    {
        Pricing = GapPricing.ForAgencies(rates, clock.Today());
        return await AgencyGaps.LoadAsync(db, AccessScope.From(User), id, Pricing, view, ct);
    }
}
