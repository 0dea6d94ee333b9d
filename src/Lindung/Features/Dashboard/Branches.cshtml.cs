using System.Globalization;
using Lindung.Data;
using Lindung.Features.Branches;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Dashboard;

/// <summary>
/// A branch's breakdown on a day: active participants per segment and PU employers per regency of its
/// working area, in the caller's regions. The picker starts on the branch that holds the caller's
/// regions when they all fall in one.
/// </summary>
[Authorize(Policy = Policies.Branches)]
internal sealed class BranchesModel(LindungDbContext db, TimeProvider clock, IStringLocalizer l) : PageModel
{
    public IReadOnlyList<BranchSummary> Branches { get; private set; } = [];

    public BranchCoverageReport? Report { get; private set; }

    public ChartView? Chart { get; private set; }

    public string? Code { get; private set; }

    public DateOnly Date { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, string? date, CancellationToken ct)
    {
        var today = clock.Today();
        if (string.IsNullOrWhiteSpace(date))
        {
            Date = today;
        }
        else if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day > today)
        {
            return NotFound();
        }
        else
        {
            Date = day;
        }

        var access = AccessScope.From(User);
        var scope = ReportScope.From(access);
        var branches = new BranchCoverage(db);
        Branches = await branches.ListAsync(scope, Date, ct);
        Code = string.IsNullOrWhiteSpace(code) ? Prefill(Branches, access) : code.Trim().ToUpperInvariant();
        if (Code is null)
        {
            return Page();
        }

        var result = await branches.CoverageAsync(Code, Date, today, scope, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Report = result.Value;
        Chart = new ChartView("branch-chart", l["dash.branches.chart"], l["region"], Figures(Report), Math.Max(280, 60 + (30 * Report.Regencies.Count)));
        return Page();
    }

    /// <summary>The branch whose visible working area holds every one of the caller's regions, else the only branch the caller sees.</summary>
    public static string? Prefill(IReadOnlyList<BranchSummary> branches, AccessScope access)
    {
        if (branches.Count == 1)
        {
            return branches[0].Code;
        }

        if (access.RegionLimit is not { Count: > 0 } regions)
        {
            return null;
        }

        var holding = branches.Where(b => regions.All(r => b.Regencies.Any(g => r.StartsWith(g, StringComparison.Ordinal)))).ToList();
        return holding.Count == 1 ? holding[0].Code : null;
    }

    private static ChartData Figures(BranchCoverageReport report)
    {
        string[] colors = [ChartData.Blue, ChartData.Orange, ChartData.Green, ChartData.Vermillion];
        return new ChartData(
            "bar",
            [.. report.Regencies.Select(r => r.Name)],
            [.. SegmentCodes.Ordered.Select((s, i) => new ChartSeries(
                SegmentCodes.Of(s), [.. report.Regencies.Select(r => (double?)r.Active.GetValueOrDefault(SegmentCodes.Of(s)))], colors[i]))]);
    }
}
