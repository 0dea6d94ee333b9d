using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Compliance;
using Lindung.Features.Certificates;
using Lindung.Features.Compliance;
using Lindung.Features.Enforcement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Employers;

/// <summary>
/// One employer: identifiers, compliance, worker counts for those who may see workers, and its
/// compliance certificates, which a permitted user may issue while the employer is PATUH
/// (<see cref="IssueCertificate"/>: the branch officer, who has no licensing desk, issues here) and
/// revoke with a reason (<see cref="RevokeCertificate"/>).
/// </summary>
[Authorize(Policy = Policies.Employers)]
internal sealed class DetailsModel(
    LindungDbContext db, TimeProvider clock, CheckEmployerCompliance compliance, IssueCertificate issue, RevokeCertificate revoke, CertificateOptions certificateOptions)
    : PageModel
{
    public Employer Employer { get; private set; } = null!;

    public string? RegionName { get; private set; }

    /// <summary>
    /// Worker counts come from the registry as this user may see it; roles without access to
    /// workers (a licensing officer) get no counts rather than misleading zeros.
    /// </summary>
    public EmployerCounts? Counts { get; private set; }

    /// <summary>Null when the employer has no NPP, NIB or NPWP to check by.</summary>
    public EmployerCompliance? Compliance { get; private set; }

    /// <summary>The employer's certificates, newest first, with their status now.</summary>
    public IReadOnlyList<EmployerCertificate> Certificates { get; private set; } = [];

    public bool MayRevoke { get; private set; }

    /// <summary>Whether the page offers to issue a certificate: a permitted role and the employer PATUH now.</summary>
    public bool MayIssue => MayRevoke && Compliance?.Status == ComplianceStatus.Patuh;

    /// <summary>The certificate just issued (after the redirect), for the notice.</summary>
    [FromQuery(Name = "issued")]
    public string? Issued { get; set; }

    /// <summary>The employer's open enforcement case, when the user may see cases.</summary>
    public (Guid Id, string Number)? OpenCase { get; private set; }

    /// <summary>Whether the user may open a case here: the branch or the admin, findings to act on, no case running.</summary>
    public bool MayOpenCase { get; private set; }

    /// <summary>The code of a refused opening (after the redirect back from the enforcement page).</summary>
    [FromQuery(Name = "case_error")]
    public string? CaseError { get; set; }

    /// <summary>
    /// The certificate just revoked (after the redirect), for the notice. Text, so that a mangled
    /// link shows no binding error in the page's form errors.
    /// </summary>
    [FromQuery(Name = "revoked")]
    public string? Revoked { get; set; }

    /// <summary>The certificate whose revocation was refused, so its form opens again with the error.</summary>
    public Guid? Revoking { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Issues a certificate for this employer; the use case checks compliance again and refuses by name.</summary>
    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var employer = await db.EmployersFor(scope).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        var result = employer is null
            ? IssueCertificate.EmployerNotFound
            : await issue.HandleAsync(employer.CheckIdentifier, scope, CertificatesApi.BaseUrl(Request), ct);
        if (result.Succeeded)
        {
            return Redirect($"/employers/{id}?issued={result.Value.Id}#certificates");
        }

        ModelState.AddUseCaseErrors(result.Errors, _ => string.Empty);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Revokes one of this employer's certificates; the reason is required (the use case says so by name).</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid certificateId, string? reason, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var ofThisEmployer = await db.ComplianceCertificates.InRegions(scope).AnyAsync(c => c.Id == certificateId && c.EmployerId == id, ct);
        UseCaseResult<CertificateDto> result = ofThisEmployer
            ? await revoke.HandleAsync(certificateId, reason, scope, CertificatesApi.BaseUrl(Request), ct)
            : RevokeCertificate.NotFound;
        if (result.Succeeded)
        {
            return Redirect($"/employers/{id}?revoked={certificateId}#certificates");
        }

        ModelState.AddUseCaseErrors(result.Errors, field => field ?? string.Empty);
        Revoking = certificateId;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = AccessScope.From(User);
        var employer = await db.EmployersFor(scope).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (employer is null)
        {
            return false;
        }

        Employer = employer;
        RegionName = AreaDirectory.Embedded.Find(employer.RegionCode)?.Name;
        if (employer.CheckIdentifier is { } identifier
            && await compliance.HandleAsync(identifier, scope, ct) is { Succeeded: true } check)
        {
            Compliance = check.Value;
        }

        if (scope.SeesRegion)
        {
            var today = clock.Today();
            var workers = await db.EmploymentsFor(scope).ValidOn(today).Where(e => e.EmployerId == id).Select(e => e.WorkerId).Distinct().CountAsync(ct);
            var byNpp = employer.Npp is null ? db.MembershipsFor(scope).Where(_ => false) : db.MembershipsFor(scope).Where(m => m.EmployerNpp == employer.Npp);
            var memberships = await byNpp.ValidOn(today).CountAsync(ct);
            var active = await byNpp.CoveredOn(today).CountAsync(ct);
            Counts = new EmployerCounts(workers, memberships, active);
        }

        var baseUrl = certificateOptions.PublicBaseUrl ?? CertificatesApi.BaseUrl(Request);
        var now = clock.GetUtcNow();
        var rows = await db.ComplianceCertificates.InRegions(scope).AsNoTracking().Where(c => c.EmployerId == id)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id).ToListAsync(ct);
        Certificates = [.. rows.Select(c => CertificateDto.From(c, baseUrl)).Select(c => new EmployerCertificate(c, c.StatusAt(now)))];
        MayRevoke = IssueCertificate.MayIssue(scope);
        if (Policies.Allows(User, Policies.Enforcement))
        {
            var running = await EnforcementAccess.Visible(db, scope).AsNoTracking().Where(c => c.EmployerId == id && c.Outcome == null)
                .Select(c => new { c.Id, c.Number }).FirstOrDefaultAsync(ct);
            OpenCase = running is null ? null : (running.Id, running.Number);
            MayOpenCase = running is null && EnforcementAccess.Manages(scope)
                && Compliance?.Findings.Any(f => f.Code != ComplianceRules.Sanctioned) == true;
        }

        return true;
    }
}

internal sealed record EmployerCounts(int Workers, int Memberships, int ActiveMemberships);

/// <summary>A certificate of the employer with its status now (VALID, EXPIRED or REVOKED).</summary>
internal sealed record EmployerCertificate(CertificateDto Certificate, string Status);
