using Lindung.Data;
using Lindung.Features.Contributions;
using Lindung.Features.Shared;
using Lindung.Hosting;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Reconciliation;

/// <summary><c>/reconciliation/gaps/{agency}</c>: who to register, reactivate, correct or complete, and what it costs per month; CSV export.</summary>
[Authorize(Policy = Policies.Reconciliation)]
internal sealed class GapsModel(LindungDbContext db, TimeProvider clock, LindungHostOptions host) : PageModel
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
        var list = await LoadAsync(id, ct);
        if (list is null)
        {
            return NotFound();
        }

        List = list;
        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultSize, list.Lines(Gap));
        // Lists mask NIKs for everyone; the export is what an operator registers from.
        Shown = await AgencyGaps.PageAsync(db, AccessScope.From(User), list, Pricing, Gap, Paging.Skip, Paging.PageSize, fullNik: false, ct);
        return Page();
    }

    /// <summary>A link to another page or gap of this list.</summary>
    public string Link(int page, GapKind? gap) =>
        $"/reconciliation/gaps/{List.Agency.Id}?page={page}" + (gap is { } g ? $"&gap={g}" : string.Empty);

    /// <summary>The whole list as CSV (written to the response row by row) or XLSX (built in a temporary file), never held in memory.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        var list = await LoadAsync(id, ct);
        if (list is null)
        {
            return NotFound();
        }

        var scope = AccessScope.From(User);
        var lines = AgencyGaps.StreamAsync(db, scope, list, Pricing, scope.SeesFullNik, ct);
        var name = $"kesenjangan-{list.Agency.Code}-{Pricing.Month}";
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var file = await GapExport.XlsxFileAsync($"{GapReport.Title}: {list.Agency.Name}", $"{list.Agency.Code} · iuran {Pricing.Month}", list.Totals, lines, ct);
            return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = name + ".csv" }.ToString();
        await GapExport.WriteLinesCsvAsync(Response.Body, lines, ct);
        return new EmptyResult();
    }

    private async Task<AgencyGapList?> LoadAsync(Guid id, CancellationToken ct)
    {
        Pricing = GapPricing.ForAgencies(RateBookLoader.Load(host.DataDirectory), clock.Today());
        return await AgencyGaps.LoadAsync(db, AccessScope.From(User), id, Pricing, ct);
    }
}
