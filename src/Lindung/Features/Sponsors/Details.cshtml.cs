using System.Globalization;
using Lindung.Application;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lindung.Features.Sponsors;

/// <summary>
/// One sponsor's page (a Sponsor account's own landing): the ledger, the workers it funds with NIK
/// masked, the periods ending within 30 days with their handover, and the waiting workers of its
/// villages to adopt; the regional admin records invoices and payments here.
/// </summary>
[Authorize(Policy = Policies.Sponsors)]
internal sealed class DetailsModel(
    LoadSponsor load, PledgeSponsorship pledge, RecordSponsorLedger ledger, HandOverSponsorship handOver, TimeProvider clock, IStringLocalizer l) : PageModel
{
    public SponsorView View { get; private set; } = null!;

    public string? Done { get; private set; }

    [BindProperty]
    public List<Guid> Workers { get; set; } = [];

    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public int? Months { get; set; } = 12;

    [BindProperty]
    public long? Income { get; set; }

    [BindProperty]
    public string? Programs { get; set; } = "JKK,JKM";

    [BindProperty]
    public string? Occupation { get; set; } = "other";

    [BindProperty]
    public string? LedgerAction { get; set; }

    [BindProperty]
    public string? Through { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    public string ThisMonth => clock.Today().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, bool created, CancellationToken ct)
    {
        Done = created ? l["sponsors.created"].Value : null;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostPledgeAsync(Guid id, CancellationToken ct)
    {
        var result = await pledge.HandleAsync(id, new PledgeInput(Workers, From, Months, Income, Programs, Occupation), AccessScope.From(User), ct);
        return await AfterAsync(id, result.Errors, () => l["sponsors.pledged.done", result.Value.Sponsorships.Count, Formats.Rupiah(result.Value.Total)].Value, ct);
    }

    public async Task<IActionResult> OnPostLedgerAsync(Guid id, CancellationToken ct)
    {
        var result = await ledger.HandleAsync(id, LedgerAction, Through, AccessScope.From(User), ct);
        return await AfterAsync(id, result.Errors, () => l["sponsors.ledger.done", result.Value.Months, Formats.Rupiah(result.Value.Amount)].Value, ct);
    }

    public async Task<IActionResult> OnPostHandoverAsync(Guid id, Guid sponsorship, CancellationToken ct)
    {
        var result = await handOver.HandleAsync(sponsorship, Outcome, Months, AccessScope.From(User), ct);
        return await AfterAsync(id, result.Errors, () => l["sponsors.handover.done." + Outcome?.Trim().ToLowerInvariant()].Value, ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, IReadOnlyList<UseCaseError> errors, Func<string> done, CancellationToken ct)
    {
        if (errors.Count > 0 && errors[0].Code == SponsorErrors.NotFound.Code)
        {
            return NotFound();
        }

        if (errors.Count == 0)
        {
            Done = done();
        }
        else
        {
            ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        }

        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var result = await load.HandleAsync(id, AccessScope.From(User), ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        View = result.Value;
        From ??= ThisMonth;
        Through ??= ThisMonth;
        return Page();
    }
}
