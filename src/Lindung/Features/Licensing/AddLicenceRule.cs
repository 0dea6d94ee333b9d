using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Domain.Licensing;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Licensing;

/// <summary>A new version of a licence rule as the admin page sends it; outcomes by finding code.</summary>
internal sealed record NewLicenceRule(
    string? LicenceType,
    string? NameId,
    string? NameEn,
    string? RegionCode,
    string? EffectiveFrom,
    bool RequiresProof,
    bool WithheldUnderTmp2t,
    bool ExemptMicro,
    bool AcceptBpuForSoleTrader,
    IReadOnlyDictionary<string, string?> Outcomes,
    string? LegalBasis,
    bool LegalBasisIsExample);

/// <summary>
/// Adds a version of a licence rule for a region the admin holds (a province-wide <c>PP.00</c> rule
/// needs the province or the whole installation). History is never edited: the version must start
/// after the latest one of the same type and region, which it then closes. The audit interceptor
/// records the new row with the admin as actor.
/// </summary>
internal sealed class AddLicenceRule(LindungDbContext db, TimeProvider clock)
{
    public static readonly UseCaseError TypeInvalid = UseCaseError.Of(
        "LICENCE_TYPE_INVALID", "Kode jenis izin: 2–32 huruf besar, angka atau garis bawah (mis. PBG).",
        "Licence type code: 2-32 upper-case letters, digits or underscores (e.g. PBG).", "LicenceType");

    public static readonly UseCaseError NameRequired = UseCaseError.Of(
        "LICENCE_NAME_REQUIRED", "Isi nama izin dalam Bahasa Indonesia dan Inggris.", "Enter the licence name in Indonesian and English.", "NameId");

    public static readonly UseCaseError RegionInvalid = UseCaseError.Of(
        "RULE_REGION_INVALID", "Wilayah aturan: kode kabupaten/kota (35.77) atau provinsi (35.00) di dalam wilayah Anda.",
        "Rule region: a regency/city code (35.77) or a province (35.00) inside your regions.", "RegionCode");

    public static readonly UseCaseError DateInvalid = UseCaseError.Of(
        "EFFECTIVE_FROM_INVALID", "Tanggal berlaku ditulis TTTT-BB-HH.", "The effective date is written YYYY-MM-DD.", "EffectiveFrom");

    public static readonly UseCaseError NotAfterLatest = UseCaseError.Of(
        "RULE_NOT_AFTER_LATEST", "Versi baru harus mulai berlaku setelah versi terakhir; riwayat aturan tidak diubah.",
        "A new version must start after the latest one; the rule's history is never changed.", "EffectiveFrom");

    public static readonly UseCaseError OutcomeInvalid = UseCaseError.Of(
        "OUTCOME_INVALID", "Hasil per temuan: IZINKAN, TINJAU atau TOLAK.", "Outcome per finding: IZINKAN, TINJAU or TOLAK.", "Outcomes");

    public static readonly UseCaseError LegalBasisRequired = UseCaseError.Of(
        "LEGAL_BASIS_REQUIRED", "Isi dasar hukum (peraturan dan pasal).", "Enter the legal basis (regulation and article).", "LegalBasis");

    public async Task<UseCaseResult<Guid>> HandleAsync(NewLicenceRule input, AccessScope scope, CancellationToken ct)
    {
        var errors = new List<UseCaseError>();
        var type = input.LicenceType?.Trim().ToUpperInvariant();
        if (!LicenceRuleParser.IsLicenceType(type))
        {
            errors.Add(TypeInvalid);
        }

        if (string.IsNullOrWhiteSpace(input.NameId) || string.IsNullOrWhiteSpace(input.NameEn) || input.NameId.Length > 200 || input.NameEn.Length > 200)
        {
            errors.Add(NameRequired);
        }

        var region = input.RegionCode?.Trim();
        if (!RegionAllowed(region, scope))
        {
            errors.Add(RegionInvalid);
        }

        if (!DateOnly.TryParseExact(input.EffectiveFrom?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            errors.Add(DateInvalid);
        }

        var outcomes = new Dictionary<string, LicensingOutcome>(StringComparer.Ordinal);
        foreach (var code in LicenceRule.FindingCodes)
        {
            var text = input.Outcomes.GetValueOrDefault(code);
            if (LicensingOutcomes.TryParse(text, out var outcome))
            {
                outcomes[code] = outcome;
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                errors.Add(OutcomeInvalid);
                break;
            }
            else
            {
                outcomes[code] = LicenceRule.DefaultOutcomes[code];
            }
        }

        if (string.IsNullOrWhiteSpace(input.LegalBasis) || input.LegalBasis.Length > 1000)
        {
            errors.Add(LegalBasisRequired);
        }

        if (errors.Count == 0)
        {
            var latest = await db.LicenceRules.Where(r => r.LicenceType == type && r.RegionCode == region)
                .MaxAsync(r => (DateOnly?)r.EffectiveFrom, ct);
            if (latest is { } last && from <= last)
            {
                errors.Add(NotAfterLatest);
            }
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<Guid>.Refused([.. errors]);
        }

        var rule = new LicenceRule
        {
            LicenceType = type!,
            NameId = input.NameId!.Trim(),
            NameEn = input.NameEn!.Trim(),
            RegionCode = region!,
            EffectiveFrom = from,
            RequiresProof = input.RequiresProof,
            WithheldUnderTmp2t = input.WithheldUnderTmp2t,
            ExemptMicro = input.ExemptMicro,
            AcceptBpuForSoleTrader = input.AcceptBpuForSoleTrader,
            Outcomes = outcomes,
            LegalBasis = input.LegalBasis!.Trim(),
            LegalBasisStatus = input.LegalBasisIsExample ? LegalBasisStatus.Example : LegalBasisStatus.Confirmed,
        };
        var row = LicenceRuleStore.ToRow(rule, scope.UserName, clock.GetUtcNow().UtcDateTime);
        db.LicenceRules.Add(row);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Guid>.Ok(row.Id);
    }

    /// <summary>A known regency inside the admin's regions, or <c>PP.00</c> of a known province the admin holds whole.</summary>
    public static bool RegionAllowed(string? region, AccessScope scope)
    {
        if (!LicenceRuleParser.IsRuleRegion(region))
        {
            return false;
        }

        var provinceWide = region!.EndsWith(".00", StringComparison.Ordinal);
        var area = AreaDirectory.Embedded.Find(provinceWide ? region[..2] : region);
        return area is not null && (scope.WholeInstallation || scope.RegionCodes.Any(r => (provinceWide ? region[..2] : region).StartsWith(r, StringComparison.Ordinal)));
    }
}
