using Lindung.Data;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Agencies;

[Authorize(Policy = Policies.Registry)]
internal sealed class IndexModel(LindungDbContext db, TimeProvider clock) : PageModel
{
    /// <summary><c>name</c> (default), <c>coverage</c> (lowest first: where to push next) or <c>coverage-desc</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary><c>pemda</c> (the Pemda's own agencies), <c>vertikal</c> (central institutions' offices and madrasahs) or null (both).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    public IReadOnlyList<AgencyCoverageRow> Rows { get; private set; } = [];

    /// <summary>Pemda agencies and vertical institutions apart, over everything the caller sees (null when there are no vertical ones).</summary>
    public (int Workers, int Covered, int VerticalWorkers, int VerticalCovered)? Split { get; private set; }

    /// <summary>The filter the query string asked for, as a link parameter.</summary>
    public string OwnerQuery => Owner is "pemda" or "vertikal" ? "owner=" + Owner : string.Empty;

    /// <summary>When the snapshot the counts come from was taken; null when no agency has staff yet.</summary>
    public DateTime? TakenAt { get; private set; }

    public int TotalWorkers => Rows.Sum(r => r.Workers);

    public int TotalCovered => Rows.Sum(r => r.Covered);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (rows, takenAt) = await AgencyCoverage.ListAsync(db, AccessScope.From(User), clock.Today(), ct);
        TakenAt = takenAt;
        if (rows.Any(r => r.Vertical))
        {
            var pemda = rows.Where(r => !r.Vertical).ToList();
            var vertical = rows.Where(r => r.Vertical).ToList();
            Split = (pemda.Sum(r => r.Workers), pemda.Sum(r => r.Covered), vertical.Sum(r => r.Workers), vertical.Sum(r => r.Covered));
        }

        rows = Owner switch
        {
            "pemda" => [.. rows.Where(r => !r.Vertical)],
            "vertikal" => [.. rows.Where(r => r.Vertical)],
            _ => rows,
        };
        Rows = Sort switch
        {
            "coverage" => [.. rows.OrderBy(r => r.Share).ThenBy(r => r.Name, StringComparer.CurrentCulture)],
            "coverage-desc" => [.. rows.OrderByDescending(r => r.Share).ThenBy(r => r.Name, StringComparer.CurrentCulture)],
            _ => rows,
        };
    }
}
