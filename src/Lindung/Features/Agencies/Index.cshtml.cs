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

    /// <summary>The owner filter in force: <c>pemda</c>, <c>vertikal</c> or null (both).</summary>
    public string? ChosenOwner => Owner is "pemda" or "vertikal" ? Owner : null;

    /// <summary>The sort in force: <c>coverage</c>, <c>coverage-desc</c> or null (by name).</summary>
    public string? ChosenSort => Sort is "coverage" or "coverage-desc" ? Sort : null;

    /// <summary>This list's address with <paramref name="owner"/> and <paramref name="sort"/> (null leaves each out).</summary>
    public static string Link(string? owner, string? sort)
    {
        var query = new[] { owner is null ? null : "owner=" + owner, sort is null ? null : "sort=" + sort }.OfType<string>().ToList();
        return query.Count == 0 ? "/agencies" : "/agencies?" + string.Join('&', query);
    }

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
