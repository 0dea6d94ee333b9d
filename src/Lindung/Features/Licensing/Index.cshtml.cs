using System.Globalization;
using Lindung.Data;
using Lindung.Domain.Compliance;
using Lindung.Domain.Licensing;
using Lindung.Features.Certificates;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Licensing;

/// <summary>
/// The licensing officer's page: ask the gate about one application (<see cref="CheckLicence"/>),
/// read the decision with its reasons and rule, issue a compliance certificate when the answer is
/// IZINKAN for a PATUH firm (<see cref="IssueCertificate"/> decides), and page through the checks
/// asked in the region.
/// </summary>
[Authorize(Policy = Policies.Licensing)]
internal sealed class IndexModel(LindungDbContext db, CheckLicence check, IssueCertificate issue, TimeProvider clock) : PageModel
{
    private const int PageSize = 25;

    [BindProperty]
    public LicenceCheckInput Input { get; set; } = new();

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public LicenceCheckDto? Result { get; private set; }

    /// <summary>The certificate just issued from this page.</summary>
    public CertificateDto? Issued { get; private set; }

    /// <summary>
    /// Whether to offer a certificate for the decision shown: only an IZINKAN for a known PATUH firm,
    /// to a role that may issue. The use case checks again when the button is pressed.
    /// </summary>
    public bool OffersCertificate => Result is { Outcome: LicensingOutcome.Izinkan, ComplianceStatus: ComplianceStatus.Patuh, EmployerId: not null }
        && IssueCertificate.MayIssue(AccessScope.From(User));

    /// <summary>The licence types in force for the caller's region (empty when the caller must name a region).</summary>
    public IReadOnlyList<LicenceRule> Types { get; private set; } = [];

    /// <summary>Callers with several regions (or the whole installation) say which office they check for.</summary>
    public bool AsksRegion { get; private set; }

    public IReadOnlyList<LicenceCheckDto> Checks { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new LicenceCheckRequest(Input.LicenceType, Input.Identifier, Input.ApplicationNumber, Input.Nik, Input.RegionCode);
        var result = await check.HandleAsync(request, AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            Result = result.Value;
        }
        else
        {
            ModelState.AddUseCaseErrors(result.Errors, FieldOf);
        }

        PageNumber = 1;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Issues a certificate for the firm a check just granted; a refusal (e.g. EMPLOYER_NOT_COMPLIANT) is shown by name.</summary>
    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var result = await issue.HandleAsync(Input.Identifier, AccessScope.From(User), CertificatesApi.BaseUrl(Request), ct);
        if (result.Succeeded)
        {
            Issued = result.Value;
        }
        else
        {
            ModelState.AddUseCaseErrors(result.Errors, FieldOf);
        }

        PageNumber = 1;
        await LoadAsync(ct);
        return Page();
    }

    private static string FieldOf(string? field) => field switch
    {
        CheckLicence.LicenceTypeField => "Input.LicenceType",
        CheckLicence.IdentifierField => "Input.Identifier",
        CheckLicence.ApplicationNumberField => "Input.ApplicationNumber",
        CheckLicence.NikField => "Input.Nik",
        CheckLicence.RegionField => "Input.RegionCode",
        _ => string.Empty,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var regionErrors = new List<Application.UseCaseError>();
        var region = CheckLicence.ResolveRegion(Input.RegionCode, scope, regionErrors);
        AsksRegion = !(scope.RegionCodes is [{ Length: >= 5 }]);
        if (region is not null)
        {
            var (book, _) = await LicenceRuleStore.LoadAsync(db, ct);
            Types = [.. book.InForceFor(region, clock.Today()).OrderBy(r => r.NameId, StringComparer.Ordinal)];
        }

        var checks = LicenceChecks.For(db, scope);
        Paging = new Paging(Paging.Clamp(PageNumber), PageSize, await checks.CountAsync(ct));
        var rows = await checks.Skip(Paging.Skip).Take(PageSize).ToListAsync(ct);
        Checks = [.. rows.Select(LicenceCheckDto.From)];
    }

    public static string Badge(LicensingOutcome outcome) => outcome switch
    {
        LicensingOutcome.Izinkan => "ok",
        LicensingOutcome.Tinjau => "warn",
        _ => "danger",
    };

    public static string Code(LicensingOutcome outcome) => LicensingOutcomes.Code(outcome);

    public PagerModel Pager => new(Paging, page => string.Create(CultureInfo.InvariantCulture, $"/licensing?page={page}"));
}

internal sealed class LicenceCheckInput
{
    public string? LicenceType { get; set; }

    public string? Identifier { get; set; }

    public string? ApplicationNumber { get; set; }

    public string? Nik { get; set; }

    public string? RegionCode { get; set; }
}
