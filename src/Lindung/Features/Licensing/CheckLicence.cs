using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Licensing;
using Lindung.Features.Compliance;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Licensing;

/// <summary>What a licensing office sends: the licence type, the applicant, the application, and optionally its own region.</summary>
internal sealed record LicenceCheckRequest(string? LicenceType, string? Identifier, string? ApplicationNumber, string? Nik = null, string? RegionCode = null);

/// <summary>
/// The licensing gate as a use case: validates the request, finds the rule in force for the
/// licensing office's region, assesses the applicant with <see cref="CheckEmployerCompliance"/>,
/// lets <see cref="LicensingGate"/> decide, and stores the question and the answer with the asker.
/// Refusals are named errors on the field they concern; nothing is stored for a refused request.
/// </summary>
internal sealed class CheckLicence(LindungDbContext db, CheckEmployerCompliance compliance, TimeProvider clock)
{
    public const string LicenceTypeField = "licence_type";
    public const string IdentifierField = "identifier";
    public const string ApplicationNumberField = "application_number";
    public const string NikField = "nik";
    public const string RegionField = "region_code";
    public const int ApplicationNumberMax = 64;

    public static readonly UseCaseError LicenceTypeRequired = UseCaseError.Of(
        "LICENCE_TYPE_REQUIRED", "Pilih jenis izin.", "Choose the licence type.", LicenceTypeField);

    public static readonly UseCaseError LicenceTypeUnknown = UseCaseError.Of(
        "LICENCE_TYPE_UNKNOWN", "Jenis izin ini tidak memiliki aturan yang berlaku di wilayah ini.",
        "This licence type has no rule in force in this region.", LicenceTypeField);

    public static readonly UseCaseError ApplicationNumberRequired = UseCaseError.Of(
        "APPLICATION_NUMBER_REQUIRED", "Isi nomor permohonan izin.", "Enter the licence application number.", ApplicationNumberField);

    public static readonly UseCaseError ApplicationNumberTooLong = UseCaseError.Of(
        "APPLICATION_NUMBER_TOO_LONG", $"Nomor permohonan paling banyak {ApplicationNumberMax} karakter.",
        $"An application number has at most {ApplicationNumberMax} characters.", ApplicationNumberField);

    public static readonly UseCaseError RegionRequired = UseCaseError.Of(
        "REGION_REQUIRED", "Sebutkan wilayah kantor perizinan (kode kabupaten/kota, mis. 35.77).",
        "Name the licensing office's region (a regency/city code such as 35.77).", RegionField);

    public static readonly UseCaseError RegionInvalid = UseCaseError.Of(
        "REGION_INVALID", "Wilayah tidak dikenal atau di luar wilayah Anda.", "The region is unknown or outside your regions.", RegionField);

    public async Task<UseCaseResult<LicenceCheckDto>> HandleAsync(LicenceCheckRequest request, AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new List<UseCaseError>();
        var region = ResolveRegion(request.RegionCode, scope, errors);
        var licenceType = request.LicenceType?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(licenceType))
        {
            errors.Add(LicenceTypeRequired);
        }

        if (!EmployerIdentifier.TryParse(request.Identifier, out var identifier, out var identifierError))
        {
            errors.Add(new UseCaseError(identifierError!, IdentifierField));
        }

        var applicationNumber = request.ApplicationNumber?.Trim();
        if (string.IsNullOrEmpty(applicationNumber))
        {
            errors.Add(ApplicationNumberRequired);
        }
        else if (applicationNumber.Length > ApplicationNumberMax)
        {
            errors.Add(ApplicationNumberTooLong);
        }

        string? nik = null;
        if (!string.IsNullOrWhiteSpace(request.Nik))
        {
            var check = new NikValidator(AreaDirectory.Embedded).Check(request.Nik, today);
            if (check.IsValid)
            {
                nik = check.Normalized;
            }
            else
            {
                errors.Add(new UseCaseError(check.Errors[0], NikField));
            }
        }

        StoredRule? stored = null;
        if (region is not null && !string.IsNullOrEmpty(licenceType))
        {
            stored = await LicenceRuleStore.FindAsync(db, licenceType, region, today, ct);
            if (stored is null)
            {
                errors.Add(LicenceTypeUnknown);
            }
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<LicenceCheckDto>.Refused([.. errors]);
        }

        var assessed = (await compliance.HandleAsync(identifier!.Value, scope, ct)).Value;
        var size = assessed.Employer is { } employer
            ? await db.Employers.Where(e => e.Id == employer.Id).Select(e => e.BusinessSize).FirstOrDefaultAsync(ct)
            : null;
        bool? bpu = nik is null ? null : await HasActiveBpuAsync(nik, scope, today, ct);
        var decision = LicensingGate.Decide(
            stored!.Rule,
            new ComplianceAssessment(assessed.Status, assessed.Findings),
            new ApplicantFacts { Size = size, SoleTraderHasActiveBpu = bpu });

        var row = new LicenceCheck
        {
            ApplicationNumber = applicationNumber!,
            LicenceType = stored.Rule.LicenceType,
            RuleId = stored.Id,
            Identifier = identifier.Value,
            IdentifierKind = identifier.Kind,
            NikMasked = nik is null ? null : Domain.Identifiers.Nik.Mask(nik),
            EmployerId = assessed.Employer?.Id,
            EmployerName = assessed.Employer?.Name,
            ComplianceStatus = assessed.Status,
            Outcome = decision.Outcome,
            Reasons = LicenceCheckDto.SerializeReasons(decision.Reasons),
            AskedBy = scope.UserName,
            AskedAt = clock.GetUtcNow().UtcDateTime,
            RegionCode = region!,
        };
        db.LicenceChecks.Add(row);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<LicenceCheckDto>.Ok(new LicenceCheckDto(
            row.Id, row.ApplicationNumber, row.LicenceType, row.Outcome, LicenceCheckDto.ReadReasons(row.Reasons),
            LicenceRuleDto.From(stored.Id, stored.Rule), row.ComplianceStatus, identifier, row.NikMasked, row.EmployerId, row.EmployerName,
            row.AskedBy, row.AskedAt, row.RegionCode));
    }

    /// <summary>
    /// The licensing office's regency: the one asked for (inside the caller's regions), else the
    /// caller's only region. Rules are per regency, so a deeper code is cut to its regency.
    /// </summary>
    public static string? ResolveRegion(string? requested, AccessScope scope, List<UseCaseError> errors)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var code = requested.Trim();
            if (code.Length < 5 || AreaDirectory.Embedded.Find(LicenceRuleBook.RegencyOf(code)) is null || !scope.Covers(LicenceRuleBook.RegencyOf(code)))
            {
                errors.Add(RegionInvalid);
                return null;
            }

            return LicenceRuleBook.RegencyOf(code);
        }

        if (scope.RegionCodes is [{ Length: >= 5 } only])
        {
            return LicenceRuleBook.RegencyOf(only);
        }

        errors.Add(RegionRequired);
        return null;
    }

    /// <summary>Whether the NIK holds an active BPU membership in the caller's regions: a yes or no, no personal record leaves.</summary>
    private Task<bool> HasActiveBpuAsync(string nik, AccessScope scope, DateOnly today, CancellationToken ct) =>
        db.Memberships.InRegions(scope).CoveredOn(today).AnyAsync(m => m.Segment == Segment.Bpu && m.Worker!.Nik == nik, ct);
}
