using System.Globalization;
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
/// per SKB, the regency's own days added here), each stage's window, fine rate and legal basis, and the
/// wording of each letter kind (a new version from a day on, previewed as a PDF before it is saved).
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class SettingsModel(
    LindungDbContext db, ManageEnforcementCalendar manage, SaveLetterTemplate saveTemplate, PreviewLetterTemplate previewTemplate, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    [FromQuery(Name = "region")]
    public string? Region { get; set; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    public IReadOnlyList<DayOff> DaysOff { get; private set; } = [];

    public IReadOnlyList<StageRule> Rules { get; private set; } = [];

    public EnforcementLetterKind LetterKind { get; private set; }

    /// <summary>The region's versions of the chosen letter kind, newest first.</summary>
    public IReadOnlyList<EnforcementLetterTemplate> TemplateVersions { get; private set; } = [];

    /// <summary>What the template form shows: the latest version (else the default), or what was just sent back with its errors.</summary>
    public LetterTemplateInput TemplateForm { get; private set; } = new(null, null, null, null, null, null, null);

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

    public async Task<IActionResult> OnPostTemplateAsync(
        string? appliesTo, string? kind, string? validFrom, string? subject, string? addressee, string? paragraphs, string? signatory, CancellationToken ct)
    {
        var input = new LetterTemplateInput(appliesTo, kind, validFrom, subject, addressee, paragraphs, signatory);
        Kind = kind;
        return await AfterAsync((await saveTemplate.HandleAsync(input, AccessScope.From(User), ct)).Errors, appliesTo, ct, input);
    }

    public async Task<IActionResult> OnPostPreviewTemplateAsync(
        string? appliesTo, string? kind, string? validFrom, string? subject, string? addressee, string? paragraphs, string? signatory, CancellationToken ct)
    {
        var input = new LetterTemplateInput(appliesTo, kind, validFrom, subject, addressee, paragraphs, signatory);
        var preview = await previewTemplate.HandleAsync(input, AccessScope.From(User), ct);
        if (preview.Succeeded)
        {
            return File(preview.Value, "application/pdf");
        }

        Kind = kind;
        return await AfterAsync(preview.Errors, appliesTo, ct, input);
    }

    private async Task<IActionResult> AfterAsync(IReadOnlyList<Application.UseCaseError> errors, string? region, CancellationToken ct, LetterTemplateInput? template = null)
    {
        if (errors.Count == 0)
        {
            var kind = template is null ? string.Empty : $"&kind={Uri.EscapeDataString(Kind ?? string.Empty)}#letter-templates";
            return Redirect($"/admin/enforcement-settings?region={Uri.EscapeDataString(region ?? string.Empty)}&year={Year ?? clock.Today().Year}&done=saved{kind}");
        }

        ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        Region = region;
        await LoadAsync(ct);
        TemplateForm = template ?? TemplateForm;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var today = clock.Today();
        Year ??= today.Year;
        Region = Region is { Length: 5 } r && scope.Covers(r) ? r : scope.RegionCodes.FirstOrDefault(c => c.Length == 5) ?? "35.77";
        var codes = EnforcementCalendar.Enclosing(Region);
        var from = new DateOnly(Year.Value, 1, 1);
        DaysOff = await db.DaysOff.AsNoTracking().Where(d => codes.Contains(d.AppliesTo) && d.Date >= from && d.Date < from.AddYears(1)).OrderBy(d => d.Date).ToListAsync(ct);
        Rules = await EnforcementCalendar.RulesForRegionAsync(db, Region, ct);

        LetterKind = EnumCodes<EnforcementLetterKind>.TryParseName(Kind, out var kind) ? kind : EnforcementLetterKind.Warning1;
        var region = Region;
        TemplateVersions = await db.EnforcementLetterTemplates.AsNoTracking()
            .Where(t => t.RegionCode == region && t.Kind == LetterKind).OrderByDescending(t => t.ValidFrom).ToListAsync(ct);
        var latest = TemplateVersions.Count > 0 ? LetterTemplates.ToTemplate(TemplateVersions[0]) : LetterTemplates.Default(LetterKind);
        var start = TemplateVersions.Count > 0 && TemplateVersions[0].ValidFrom >= today ? TemplateVersions[0].ValidFrom.AddDays(1) : today;
        TemplateForm = new LetterTemplateInput(
            Region, LetterTemplates.Code(LetterKind), start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            latest.Subject, string.Join('\n', latest.Addressee), LetterTemplateInput.TextOf(latest.Paragraphs), latest.Signatory);
    }
}
