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

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // Lists mask NIKs for everyone; the export is what an operator registers from.
        var list = await LoadAsync(id, fullNik: false, ct);
        if (list is null)
        {
            return NotFound();
        }

        List = list;
        return Page();
    }

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
