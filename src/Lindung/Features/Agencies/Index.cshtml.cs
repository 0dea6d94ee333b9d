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

    public IReadOnlyList<AgencyCoverageRow> Rows { get; private set; } = [];

    /// <summary>When the snapshot the counts come from was taken; null when no agency has staff yet.</summary>
    public DateTime? TakenAt { get; private set; }

    public int TotalWorkers => Rows.Sum(r => r.Workers);

    public int TotalCovered => Rows.Sum(r => r.Covered);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (rows, takenAt) = await AgencyCoverage.ListAsync(db, AccessScope.From(User), clock.Today(), ct);
        TakenAt = takenAt;
        Rows = Sort switch
        {
            "coverage" => [.. rows.OrderBy(r => r.Share).ThenBy(r => r.Name, StringComparer.CurrentCulture)],
            "coverage-desc" => [.. rows.OrderByDescending(r => r.Share).ThenBy(r => r.Name, StringComparer.CurrentCulture)],
            _ => rows,
        };
    }
}
