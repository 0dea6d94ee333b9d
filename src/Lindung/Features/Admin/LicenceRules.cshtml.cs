using Lindung.Data;
using Lindung.Domain.Licensing;
using Lindung.Features.Licensing;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Admin;

/// <summary>
/// The licence rules of the admin's regions (and their provinces), every version with its dates and
/// legal basis, and a form that adds a new version through <see cref="AddLicenceRule"/>; "new version
/// of" fills the form from an existing one. Nothing here edits a stored version.
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class LicenceRulesModel(LindungDbContext db, AddLicenceRule addRule, TimeProvider clock) : PageModel
{
    [BindProperty]
    public LicenceRuleInput Input { get; set; } = new();

    public IReadOnlyList<StoredRule> Rules { get; private set; } = [];

    public bool Saved { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(Guid? from, bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
        if (from is { } id && Rules.FirstOrDefault(r => r.Id == id) is { } source)
        {
            Input = LicenceRuleInput.From(source.Rule, Today);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcomes = LicenceRule.FindingCodes.ToDictionary(code => code, code => (string?)Request.Form[$"Input.Outcome.{code}"].FirstOrDefault(), StringComparer.Ordinal);
        var result = await addRule.HandleAsync(
            new NewLicenceRule(
                Input.LicenceType, Input.NameId, Input.NameEn, Input.RegionCode, Input.EffectiveFrom,
                Input.RequiresProof, Input.WithheldUnderTmp2t, Input.ExemptMicro, Input.AcceptBpuForSoleTrader,
                outcomes, Input.LegalBasis, Input.LegalBasisIsExample),
            AccessScope.From(User),
            ct);
        if (result.Succeeded)
        {
            return Redirect("/admin/licence-rules?saved=true");
        }

        Input.Outcomes = outcomes;
        ModelState.AddUseCaseErrors(result.Errors, field => field is null ? string.Empty : "Input." + field);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = clock.Today();
        var scope = AccessScope.From(User);
        var provinces = scope.RegionCodes.Where(r => r.Length >= 2).Select(r => r[..2] + ".00").ToList();
        var (book, ids) = await LicenceRuleStore.LoadAsync(db, ct);
        Rules = [.. book.All
            .Where(r => scope.WholeInstallation || provinces.Contains(r.RegionCode) || scope.Covers(r.RegionCode))
            .Select(r => new StoredRule(ids[(r.LicenceType, r.RegionCode, r.EffectiveFrom)], r))];
    }
}

internal sealed class LicenceRuleInput
{
    public string? LicenceType { get; set; }

    public string? NameId { get; set; }

    public string? NameEn { get; set; }

    public string? RegionCode { get; set; }

    public string? EffectiveFrom { get; set; }

    public bool RequiresProof { get; set; } = true;

    public bool WithheldUnderTmp2t { get; set; } = true;

    public bool ExemptMicro { get; set; }

    public bool AcceptBpuForSoleTrader { get; set; }

    public string? LegalBasis { get; set; }

    public bool LegalBasisIsExample { get; set; }

    /// <summary>Outcome code per finding as the form shows it; read from the form by name on post.</summary>
    public IReadOnlyDictionary<string, string?> Outcomes { get; set; } =
        LicenceRule.DefaultOutcomes.ToDictionary(o => o.Key, o => (string?)LicensingOutcomes.Code(o.Value), StringComparer.Ordinal);

    public static LicenceRuleInput From(LicenceRule rule, DateOnly today) => new()
    {
        LicenceType = rule.LicenceType,
        NameId = rule.NameId,
        NameEn = rule.NameEn,
        RegionCode = rule.RegionCode,
        EffectiveFrom = (rule.EffectiveFrom < today ? today : rule.EffectiveFrom.AddDays(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        RequiresProof = rule.RequiresProof,
        WithheldUnderTmp2t = rule.WithheldUnderTmp2t,
        ExemptMicro = rule.ExemptMicro,
        AcceptBpuForSoleTrader = rule.AcceptBpuForSoleTrader,
        LegalBasis = rule.LegalBasis,
        LegalBasisIsExample = rule.LegalBasisStatus == LegalBasisStatus.Example,
        Outcomes = rule.Outcomes.ToDictionary(o => o.Key, o => (string?)LicensingOutcomes.Code(o.Value), StringComparer.Ordinal),
    };
}
