using System.Globalization;
using Lindung.Application;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Localization;
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
    LoadSponsor load, PledgeSponsorship pledge, RecordSponsorLedger ledger, HandOverSponsorship handOver, PlanSponsorBudget planBudget, TimeProvider clock, IStringLocalizer l)
    : PageModel
{
    public SponsorView View { get; private set; } = null!;

    public string? Done { get; private set; }

    /// <summary>What the budget asked for buys, when the sponsor asked.</summary>
    public SponsorBudgetPlan? BudgetPlan { get; private set; }

    public long? Budget { get; private set; }

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

    /// <summary>What follows each expiring period, by sponsorship: <c>renew</c>, <c>self</c>, <c>apbd</c>, or empty to decide later.</summary>
    [BindProperty]
    public Dictionary<Guid, string?> Outcomes { get; set; } = [];

    public string ThisMonth => clock.Today().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>After a change the page redirects here (a reload never posts twice) and says what was done.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, bool created, string? done, int count, long amount, int renewed, int selfPay, int apbd, CancellationToken ct)
    {
        Done = done switch
        {
            "pledge" => l["sponsors.pledged.done", count, Formats.Rupiah(amount)].Value,
            "ledger" => l["sponsors.ledger.done", count, Formats.Rupiah(amount)].Value,
            "handover" => HandedOver(renewed, selfPay, apbd),
            _ => created ? l["sponsors.created"].Value : null,
        };
        return await ShowAsync(id, ct);
    }

    /// <summary>
    /// "Rp50 juta for a year": how many workers that buys at the terms given, with that many of the
    /// waiting workers ticked in the pledge form for the sponsor to confirm.
    /// </summary>
    public async Task<IActionResult> OnGetBudgetAsync(Guid id, long? budget, string? from, int? months, string? programs, string? occupation, CancellationToken ct)
    {
        (Budget, From, Months, Programs, Occupation) = (budget, from, months, programs ?? Programs, occupation ?? Occupation);
        var result = planBudget.Handle(budget, new PledgeInput(null, from, months, null, Programs, Occupation));
        if (result.Succeeded)
        {
            BudgetPlan = result.Value;
        }
        else
        {
            ModelState.AddUseCaseErrors(result.Errors, field => field ?? string.Empty);
        }

        var shown = await ShowAsync(id, ct);
        if (BudgetPlan is { } plan && shown is PageResult)
        {
            Workers = [.. View.Waiting.Take(plan.Workers).Select(w => w.WorkerId)];
        }

        return shown;
    }

    public async Task<IActionResult> OnPostPledgeAsync(Guid id, CancellationToken ct)
    {
        var result = await pledge.HandleAsync(id, new PledgeInput(Workers, From, Months, Income, Programs, Occupation), AccessScope.From(User), ct);
        return await AfterAsync(id, result.Errors, () => $"done=pledge&count={result.Value.Sponsorships.Count}&amount={result.Value.Total}", ct);
    }

    public async Task<IActionResult> OnPostLedgerAsync(Guid id, CancellationToken ct)
    {
        var result = await ledger.HandleAsync(id, LedgerAction, Through, AccessScope.From(User), ct);
        return await AfterAsync(id, result.Errors, () => $"done=ledger&count={result.Value.Months}&amount={result.Value.Amount}", ct);
    }

    /// <summary>
    /// The reminder's choices in one save: each period given an outcome is handed over on its own
    /// (<see cref="HandOverSponsorship"/>, audited); those left to decide later stay in the reminder.
    /// A refusal is named with its worker and does not undo the others.
    /// </summary>
    public async Task<IActionResult> OnPostHandoverAsync(Guid id, CancellationToken ct)
    {
        var chosen = Outcomes.Where(o => !string.IsNullOrWhiteSpace(o.Value)).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "sponsors.handover.none");
            return await ShowAsync(id, ct);
        }

        var scope = AccessScope.From(User);
        var recorded = new Dictionary<SponsorshipHandover, int>();
        var refused = new List<(Guid Sponsorship, IReadOnlyList<UseCaseError> Errors)>();
        foreach (var (sponsorship, outcome) in chosen)
        {
            var result = await handOver.HandleAsync(sponsorship, outcome, null, scope, ct);
            if (result.Succeeded)
            {
                recorded[result.Value] = recorded.GetValueOrDefault(result.Value) + 1;
            }
            else
            {
                refused.Add((sponsorship, result.Errors));
            }
        }

        var (renewed, selfPay, apbd) = (recorded.GetValueOrDefault(SponsorshipHandover.Renewed), recorded.GetValueOrDefault(SponsorshipHandover.SelfPay), recorded.GetValueOrDefault(SponsorshipHandover.Apbd));
        if (refused.Count == 0)
        {
            return Redirect(FormattableString.Invariant($"/sponsors/{id}?done=handover&renewed={renewed}&selfPay={selfPay}&apbd={apbd}"));
        }

        var shown = await ShowAsync(id, ct);
        if (shown is PageResult)
        {
            var english = Languages.IsEnglish(CultureInfo.CurrentUICulture);
            foreach (var (sponsorship, errors) in refused)
            {
                var name = View.Workers.FirstOrDefault(w => w.SponsorshipId == sponsorship)?.Name;
                foreach (var error in errors)
                {
                    ModelState.AddModelError(string.Empty, name is null ? error.Message(english) : $"{name}: {error.Message(english)}");
                }
            }

            Done = recorded.Count > 0 ? HandedOver(renewed, selfPay, apbd) : null;
        }

        return shown;
    }

    private async Task<IActionResult> AfterAsync(Guid id, IReadOnlyList<UseCaseError> errors, Func<string> doneQuery, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            return Redirect(FormattableString.Invariant($"/sponsors/{id}?{doneQuery()}"));
        }

        if (errors[0].Code == SponsorErrors.NotFound.Code)
        {
            return NotFound();
        }

        ModelState.AddUseCaseErrors(errors, field => field ?? string.Empty);
        return await ShowAsync(id, ct);
    }

    private string HandedOver(int renewed, int selfPay, int apbd) => l["sponsors.handover.done", renewed, selfPay, apbd].Value;

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
