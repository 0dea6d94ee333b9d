using Lindung.Features.Dashboard;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Villages;

/// <summary>
/// One fostered village: who fosters it, its working-age population, the workers known to live there
/// by segment, the ones still waiting, and its progress month by month; the regional admin enters the
/// population and ends (or undoes the end of) an agency's fostering here.
/// </summary>
[Authorize(Policy = Policies.Villages)]
internal sealed class DetailsModel(LoadVillage load, SetVillagePopulation setPopulation, EndVillageAssignment end, TimeProvider clock, IStringLocalizer l) : PageModel
{
    /// <summary>The day an end is proposed for, by the app's clock (the server's own date may differ).</summary>
    public DateOnly Today => clock.Today();

    public VillageView Village { get; private set; } = null!;

    public ChartView? Progress { get; private set; }

    public bool MayEdit => Policies.Allows(User, Policies.VillagesEdit);

    [BindProperty]
    public int? Population { get; set; }

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    public string? Done { get; private set; }

    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => ShowAsync(code, ct);

    public async Task<IActionResult> OnPostPopulationAsync(string code, CancellationToken ct)
    {
        var result = await setPopulation.HandleAsync(code, Population, AccessScope.From(User), ct);
        return await AfterAsync(code, result.Succeeded, result.Errors, "villages.population.saved", ct);
    }

    public async Task<IActionResult> OnPostEndAsync(string code, Guid id, CancellationToken ct)
    {
        var result = await end.HandleAsync(id, EndDate, AccessScope.From(User), ct);
        return await AfterAsync(code, result.Succeeded, result.Errors, "villages.ended", ct);
    }

    public async Task<IActionResult> OnPostReopenAsync(string code, Guid id, CancellationToken ct)
    {
        var result = await end.ReopenAsync(id, AccessScope.From(User), ct);
        return await AfterAsync(code, result.Succeeded, result.Errors, "villages.reopened", ct);
    }

    private async Task<IActionResult> AfterAsync(string code, bool succeeded, IReadOnlyList<Application.UseCaseError> errors, string doneKey, CancellationToken ct)
    {
        if (!MayEdit)
        {
            return Forbid();
        }

        if (succeeded)
        {
            Done = l[doneKey];
        }
        else
        {
            ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        }

        return await ShowAsync(code, ct);
    }

    private async Task<IActionResult> ShowAsync(string code, CancellationToken ct)
    {
        var result = await load.HandleAsync(code, AccessScope.From(User), ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Village = result.Value;
        Population ??= Village.WorkingAgePopulation;
        Progress = new ChartView("village-progress", l["villages.progress"], l["villages.month"], new ChartData(
            "line",
            [.. Village.Progress.Select(m => Formats.Month(m.MonthEnd))],
            [new ChartSeries(l["villages.enrolled"], [.. Village.Progress.Select(m => (double?)m.Enrolled)], ChartData.Green)]));
        return Page();
    }
}
