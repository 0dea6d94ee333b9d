using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Enforcement;

/// <summary>
/// The regional admin's enforcement data: the days off deadlines skip (the national calendar shipped
/// per SKB, the regency's own days added here) and each stage's window, fine rate and legal basis.
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class SettingsModel(LindungDbContext db, ManageEnforcementCalendar manage, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    [FromQuery(Name = "region")]
    public string? Region { get; set; }

    public IReadOnlyList<DayOff> DaysOff { get; private set; } = [];

    public IReadOnlyList<StageRule> Rules { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddDayAsync(string? appliesTo, DateOnly? date, string? name, CancellationToken ct) =>
        await AfterAsync((await manage.AddDayOffAsync(appliesTo, date, name, AccessScope.From(User), ct)).Errors, appliesTo, ct);

    public async Task<IActionResult> OnPostRemoveDayAsync(Guid dayId, string? appliesTo, CancellationToken ct) =>
        await AfterAsync((await manage.RemoveDayOffAsync(dayId, AccessScope.From(User), ct)).Errors, appliesTo, ct);

    public async Task<IActionResult> OnPostStageAsync(
        string? appliesTo, string? stage, int? workingDays, int? calendarDays, string? fineRate, string? legalBasis, CancellationToken ct) =>
        await AfterAsync((await manage.SaveStageAsync(appliesTo, stage, workingDays, calendarDays, fineRate, legalBasis, AccessScope.From(User), ct)).Errors, appliesTo, ct);

    private async Task<IActionResult> AfterAsync(IReadOnlyList<Application.UseCaseError> errors, string? region, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return Redirect($"/admin/enforcement-settings?region={Uri.EscapeDataString(region ?? string.Empty)}&year={Year ?? clock.Today().Year}&done=saved");
        }

        ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        Region = region;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        Year ??= clock.Today().Year;
        Region = Region is { Length: 5 } r && scope.Covers(r) ? r : scope.RegionCodes.FirstOrDefault(c => c.Length == 5) ?? "35.77";
        var codes = EnforcementCalendar.Enclosing(Region);
        var from = new DateOnly(Year.Value, 1, 1);
        DaysOff = await db.DaysOff.AsNoTracking().Where(d => codes.Contains(d.AppliesTo) && d.Date >= from && d.Date < from.AddYears(1)).OrderBy(d => d.Date).ToListAsync(ct);
        Rules = await EnforcementCalendar.RulesForRegionAsync(db, Region, ct);
    }
}
