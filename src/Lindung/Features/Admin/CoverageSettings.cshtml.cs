using System.Globalization;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Coverage;
using Lindung.Features.Imports;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Admin;

/// <summary>
/// What the dashboards need from an admin besides targets: the working population (BPS) per region
/// and year for the UCJ ratio, the traffic-light thresholds, and how much of an agency one replacing
/// roster may end before it asks again. Saving the same region (and year) again replaces the figure.
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class CoverageSettingsModel(LindungDbContext db, TimeProvider clock, ImportSettings imports) : PageModel
{
    [BindProperty]
    public PopulationInput Population { get; set; } = new();

    [BindProperty]
    public ThresholdInput Threshold { get; set; } = new();

    [BindProperty]
    public ReplaceLimitInput ReplaceLimit { get; set; } = new();

    public IReadOnlyList<WorkingPopulation> Populations { get; private set; } = [];

    public IReadOnlyList<ReplaceLimitSetting> ReplaceLimits { get; private set; } = [];

    /// <summary>The limit of regions without their own.</summary>
    public int DefaultReplaceLimit => imports.ReplaceEndLimitPercent;

    public IReadOnlyList<CoverageThresholdSetting> Thresholds { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        Population.Year ??= clock.GetLocalNow().Year.ToString(CultureInfo.InvariantCulture);
        Threshold.Green ??= "100";
        Threshold.Yellow ??= "80";
        ReplaceLimit.Percent ??= DefaultReplaceLimit.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPopulationAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        if (!int.TryParse(Population.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            ModelState.AddModelError("Population.Year", "admin.error.year");
        }

        // "105.000" (Indonesian grouping), "105,000" or "105000".
        var digits = new string((Population.Count ?? string.Empty).Where(c => c is not ('.' or ',' or ' ')).ToArray());
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            ModelState.AddModelError("Population.Count", "admin.error.population");
        }

        var region = AdminRegions.Validate(Population.RegionCode, scope, out var regionError);
        if (regionError is not null)
        {
            ModelState.AddModelError("Population.RegionCode", regionError);
        }

        var source = Population.Source?.Trim();
        if (string.IsNullOrEmpty(source) || source.Length > 200)
        {
            ModelState.AddModelError("Population.Source", "admin.error.source");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var row = await db.WorkingPopulations.FirstOrDefaultAsync(p => p.RegionCode == region && p.Year == year, ct);
        if (row is null)
        {
            row = new WorkingPopulation { RegionCode = region!, Year = year, Source = source! };
            db.WorkingPopulations.Add(row);
        }

        row.Population = count;
        row.Source = source!;
        await db.SaveChangesAsync(ct);
        return Redirect("/admin/coverage-settings?saved=true");
    }

    public async Task<IActionResult> OnPostThresholdAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var green = ParsePercent(Threshold.Green);
        var yellow = ParsePercent(Threshold.Yellow);
        if (green is null || yellow is null || new CoverageThresholds(green.Value, yellow.Value).Problem() is not null)
        {
            ModelState.AddModelError("Threshold.Yellow", "admin.error.thresholds");
        }

        var region = AdminRegions.Validate(Threshold.RegionCode, scope, out var regionError);
        if (regionError is not null)
        {
            ModelState.AddModelError("Threshold.RegionCode", regionError);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var row = await db.CoverageThresholds.FirstOrDefaultAsync(t => t.RegionCode == region, ct);
        if (row is null)
        {
            row = new CoverageThresholdSetting { RegionCode = region! };
            db.CoverageThresholds.Add(row);
        }

        row.GreenBasisPointsOfTarget = green!.Value;
        row.YellowBasisPointsOfTarget = yellow!.Value;
        await db.SaveChangesAsync(ct);
        return Redirect("/admin/coverage-settings?saved=true");
    }

    public async Task<IActionResult> OnPostReplaceLimitAsync([FromServices] SetReplaceLimit setReplaceLimit, CancellationToken ct)
    {
        var result = await setReplaceLimit.HandleAsync(ReplaceLimit.RegionCode, ReplaceLimit.Percent, AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            return Redirect("/admin/coverage-settings?saved=true");
        }

        ModelState.AddUseCaseErrors(
            result.Errors, field => field == SetReplaceLimit.RegionField ? "ReplaceLimit.RegionCode" : "ReplaceLimit.Percent");
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A percentage of the target ("80", "92,5") as basis points.</summary>
    private static int? ParsePercent(string? text)
    {
        var trimmed = text?.Trim().TrimEnd('%').Trim();
        var parsed = decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.CurrentCulture, out var value)
            || decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        return parsed && value is > 0 and <= 200 ? (int)Math.Round(value * 100, MidpointRounding.AwayFromZero) : null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var populations = db.WorkingPopulations.AsNoTracking().InRegions(scope);
        var thresholds = db.CoverageThresholds.AsNoTracking().InRegions(scope);
        Populations = await populations.OrderByDescending(p => p.Year).ThenBy(p => p.RegionCode).ToListAsync(ct);
        Thresholds = await thresholds.OrderBy(t => t.RegionCode).ToListAsync(ct);
        ReplaceLimits = await db.ReplaceLimits.AsNoTracking().InRegions(scope).OrderBy(t => t.RegionCode).ToListAsync(ct);
    }
}

internal sealed class PopulationInput
{
    public string? Year { get; set; }

    public string? RegionCode { get; set; }

    public string? Count { get; set; }

    public string? Source { get; set; }
}

internal sealed class ReplaceLimitInput
{
    public string? RegionCode { get; set; }

    public string? Percent { get; set; }
}

internal sealed class ThresholdInput
{
    public string? RegionCode { get; set; }

    public string? Green { get; set; }

    public string? Yellow { get; set; }
}
