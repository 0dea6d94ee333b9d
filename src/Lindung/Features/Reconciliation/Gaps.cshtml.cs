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
        // Lists mask NIKs for everyone; the export is what an operator registers from.
        var list = await LoadAsync(id, fullNik: false, ct);
        if (list is null)
        {
            return NotFound();
        }

        List = list;
        var lines = Gap is { } gap ? list.Lines.Where(l => l.Kind == gap) : list.Lines;
        Paging = new Paging(Paging.Clamp(PageNumber), Paging.DefaultSize, Gap is { } kind ? list.Workers(kind) : list.Lines.Count);
        Shown = [.. lines.Skip(Paging.Skip).Take(Paging.PageSize)];
        return Page();
    }

    /// <summary>A link to another page or gap of this list.</summary>
    public string Link(int page, GapKind? gap) =>
        $"/reconciliation/gaps/{List.Agency.Id}?page={page}" + (gap is { } g ? $"&gap={g}" : string.Empty);

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        var list = await LoadAsync(id, AccessScope.From(User).SeesFullNik, ct);
        if (list is null)
        {
            return NotFound();
        }

        var name = $"kesenjangan-{list.Agency.Code}-{Pricing.Month}";
        var stream = new MemoryStream();
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            GapExport.WriteXlsx(stream, $"{GapReport.Title}: {list.Agency.Name}", $"{list.Agency.Code} · iuran {Pricing.Month}", list.Totals, list.Lines);
            stream.Position = 0;
            return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        GapExport.WriteLinesCsv(stream, list.Lines);
        stream.Position = 0;
        return File(stream, "text/csv; charset=utf-8", name + ".csv");
    }

    private async Task<AgencyGapList?> LoadAsync(Guid id, bool fullNik, CancellationToken ct)
    {
        Pricing = GapPricing.ForAgencies(RateBookLoader.Load(host.DataDirectory), clock.Today());
        return await AgencyGaps.LoadAsync(db, AccessScope.From(User), id, Pricing, fullNik, ct);
    }
}
