using System.Globalization;
using System.Text.RegularExpressions;
using Lindung.Domain.Budget;
using Lindung.Features.Dashboard;
using Lindung.Features.Shared;
using Lindung.Localization;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Budget;

/// <summary>
/// The APBD budget planner: groups of workers (count, wage or income, programs, payer) priced month by
/// month by <see cref="PlanBudget"/>, with the totals per payer, a chart of the months, the groups, the
/// legal basis of every rate, and the same plan as a workbook for the agency's RKA.
/// </summary>
[Authorize(Policy = Policies.Budget)]
internal sealed partial class IndexModel(PlanBudget planner, TimeProvider clock, IStringLocalizer l) : PageModel
{
    [BindProperty]
    public BudgetForm Form { get; set; } = new();

    public BudgetPlan? Plan { get; private set; }

    /// <summary>Each refusal as the page shows it: the form row (1-based, null for the scenario) and the message.</summary>
    public IReadOnlyList<(int? Row, string Message)> Problems { get; private set; } = [];

    public ChartView? Chart { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = BudgetForm.Example(clock.Today());
        // An agency operator plans its own staff first: the roster of its agency is in the plan from the start.
        Form.IncludeRoster = AccessScope.From(User).OperatesAgency;
        await PriceAsync(ct);
        Form.PadWithBlankRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PriceAsync(ct);
        Form.PadWithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostXlsxAsync(CancellationToken ct)
    {
        await PriceAsync(ct);
        if (Plan is null)
        {
            Form.PadWithBlankRows();
            return Page();
        }

        var buffer = new MemoryStream();
        BudgetXlsx.Write(buffer, Plan, l);
        buffer.Position = 0;
        return File(buffer, BudgetXlsx.ContentType, BudgetXlsx.FileName(Plan));
    }

    /// <summary>One workbook per agency in a ZIP: each agency's roster staff priced alone, for its own RKA.</summary>
    public async Task<IActionResult> OnPostAgencyXlsxAsync(CancellationToken ct)
    {
        var (document, rows) = Form.ToDocument();
        var agencies = await planner.PerAgencyAsync(document, AccessScope.From(User), ct);
        if (!agencies.Succeeded)
        {
            var english = Languages.IsEnglish(CultureInfo.CurrentUICulture);
            await PriceAsync(ct);
            Problems = [.. Problems, .. agencies.Errors.Select(e => (RowOf(e.Field, rows), e.Message(english)))];
            Form.PadWithBlankRows();
            return Page();
        }

        var buffer = new MemoryStream();
        BudgetXlsx.WritePerAgency(buffer, agencies.Value, l);
        buffer.Position = 0;
        return File(buffer, "application/zip", BudgetXlsx.PerAgencyFileName(agencies.Value));
    }

    private async Task PriceAsync(CancellationToken ct)
    {
        var (document, rows) = Form.ToDocument();
        var result = await planner.HandleAsync(document, AccessScope.From(User), ct);
        if (!result.Succeeded)
        {
            var english = Languages.IsEnglish(CultureInfo.CurrentUICulture);
            Problems = [.. result.Errors.Select(e => (RowOf(e.Field, rows), e.Message(english)))];
            return;
        }

        Plan = result.Value;
        Chart = new ChartView("budget-months", l["budget.chart"], l["budget.month"], new ChartData(
            "bar",
            [.. Plan.ByMonth.Select(m => BudgetFormat.Month(m.Month))],
            [
                new ChartSeries(l["budget.employer"], [.. Plan.ByMonth.Select(m => (double?)m.EmployerAmount)], ChartData.Blue),
                new ChartSeries(l["budget.worker"], [.. Plan.ByMonth.Select(m => (double?)m.WorkerAmount)], ChartData.Orange),
            ]));
    }

    /// <summary>"groups[2].income" names the third filled group; the page shows the form row it was typed in.</summary>
    private static int? RowOf(string? field, IReadOnlyList<int> rows) =>
        field is not null && GroupIndex().Match(field) is { Success: true } match
        && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var index && index < rows.Count
            ? rows[index] + 1
            : null;

    [GeneratedRegex(@"^groups\[(\d+)\]")]
    private static partial Regex GroupIndex();
}
