using System.Globalization;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Admin;

/// <summary>Coverage targets per year, for one agency or a whole region; saving the same year and scope again replaces the target.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class TargetsModel(LindungDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TargetInput Input { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<TargetRow> Targets { get; private set; } = [];

    public bool Saved { get; private set; }

    public AccessScope Scope => AccessScope.From(User);

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        Input.Year ??= clock.GetLocalNow().Year.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        if (!int.TryParse(Input.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            ModelState.AddModelError("Input.Year", "admin.error.year");
        }

        var percent = ParsePercent(Input.Percent);
        if (percent is null)
        {
            ModelState.AddModelError("Input.Percent", "admin.error.percent");
        }

        string? region = null;
        if (Input.AgencyId is { } agencyId)
        {
            region = await db.AgenciesFor(scope).Where(a => a.Id == agencyId).Select(a => a.RegionCode).FirstOrDefaultAsync(ct);
            if (region is null)
            {
                ModelState.AddModelError("Input.AgencyId", "admin.error.agency");
            }
        }
        else
        {
            region = AdminRegions.Validate(Input.RegionCode, scope, out var regionError);
            if (regionError is not null)
            {
                ModelState.AddModelError("Input.RegionCode", regionError);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var target = await db.CoverageTargets.FirstOrDefaultAsync(t => t.Year == year && t.AgencyId == Input.AgencyId && t.RegionCode == region, ct);
        if (target is null)
        {
            target = new CoverageTarget { Year = year, AgencyId = Input.AgencyId, RegionCode = region! };
            db.CoverageTargets.Add(target);
        }

        target.TargetBasisPoints = (int)Math.Round(percent!.Value * 100, MidpointRounding.AwayFromZero);
        await db.SaveChangesAsync(ct);
        return Redirect("/admin/targets?saved=true");
    }

    /// <summary>"85,5" (Indonesian) or "85.5"; 0–100.</summary>
    private static decimal? ParsePercent(string? text)
    {
        var trimmed = text?.Trim().TrimEnd('%').Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var parsed = decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.CurrentCulture, out var value)
            || decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        return parsed && value is >= 0 and <= 100 ? value : null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        Agencies = await db.AgenciesFor(scope).AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        Targets = await db.CoverageTargets.AsNoTracking().InRegions(scope)
            .OrderByDescending(t => t.Year).ThenBy(t => t.RegionCode)
            .Select(t => new TargetRow(t.Year, t.Agency != null ? t.Agency.Name : null, t.RegionCode, t.TargetBasisPoints))
            .ToListAsync(ct);
    }
}

internal sealed class TargetInput
{
    public string? Year { get; set; }

    public Guid? AgencyId { get; set; }

    public string? RegionCode { get; set; }

    public string? Percent { get; set; }
}

internal sealed record TargetRow(int Year, string? AgencyName, string RegionCode, int BasisPoints)
{
    public string Percent => (BasisPoints / 100m).ToString("N2", CultureInfo.CurrentCulture) + "%";
}
