using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Validation;
using Lindung.Features.Agencies;

namespace Lindung.Features.ApiKeys;

internal sealed record NewApiKey(string? Name, string? Role, string? AgencyCode, string? RegionCode);

/// <summary>An issued key: the row, and the full key, which is shown once and never stored.</summary>
internal sealed record IssuedApiKey(ApiKey Row, string Key);

/// <summary>Creates and revokes API keys; shared by <c>lindung apikey</c> and the admin API.</summary>
internal static class IssueApiKey
{
    public static readonly ValidationError NameRequired = new("name_required", "Nama wajib diisi.", "Name is required.");
    public static readonly ValidationError RoleUnknown = new("role_unknown", "Peran tidak dikenal.", "Unknown role.");
    public static readonly ValidationError AgencyUnknown = new("agency_unknown", "Instansi tidak ditemukan.", "No such agency.");
    public static readonly ValidationError AgencyAmbiguous = new("agency_ambiguous",
        "Kode instansi ini dipakai di beberapa wilayah; sebutkan wilayahnya.", "This agency code is used in several regions; name the region.");
    public static readonly ValidationError AgencyRequired = new("agency_required", "Kunci AgencyOperator atau ProcurementOfficer memerlukan instansi.", "An AgencyOperator or ProcurementOfficer key needs an agency.");
    public static readonly ValidationError RegionRequired = new("region_required", "Kunci tanpa instansi memerlukan kode wilayah.", "A key without an agency needs a region code.");
    public static readonly ValidationError RegionUnknown = new("region_unknown", "Kode wilayah tidak dikenal.", "Unknown region code.");
    public static readonly ValidationError RegionOutOfScope = new("region_out_of_scope", "Wilayah di luar cakupan Anda.", "The region is outside your scope.");

    /// <summary>
    /// Validates and saves a new key. The issuer may only name agencies in <c>agencies</c> (their
    /// scope) and regions inside <c>allowedRegions</c>: null for the whole installation, and an
    /// empty list allows none, so an issuer whose scope lost its regions cannot issue keys anywhere.
    /// </summary>
    public static async Task<(IssuedApiKey? Issued, Dictionary<string, ValidationError> Errors)> CreateAsync(
        LindungDbContext db, IQueryable<Agency> agencies, IReadOnlyList<string>? allowedRegions, NewApiKey request,
        string createdBy, DateTime now, CancellationToken ct)
    {
        var errors = new Dictionary<string, ValidationError>(StringComparer.Ordinal);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors["name"] = NameRequired;
        }

        var role = LindungRoles.ForApiKeys.FirstOrDefault(r => r.Equals(request.Role, StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            errors["role"] = RoleUnknown;
        }

        Agency? agency = null;
        if (!string.IsNullOrWhiteSpace(request.AgencyCode))
        {
            var match = await AgencyLookup.ByCodeAsync(agencies, request.AgencyCode, request.RegionCode, ct);
            agency = match.Agency;
            if (agency is null)
            {
                errors["agency"] = match.Ambiguous ? AgencyAmbiguous : AgencyUnknown;
            }
        }
        else if (role is LindungRoles.AgencyOperator or LindungRoles.ProcurementOfficer)
        {
            errors["agency"] = AgencyRequired;
        }

        var region = agency?.RegionCode;
        if (agency is null && !errors.ContainsKey("agency"))
        {
            if (string.IsNullOrWhiteSpace(request.RegionCode))
            {
                errors["region"] = RegionRequired;
            }
            else if (AreaCode.Normalize(request.RegionCode) is not { } dotted || !AreaDirectory.Embedded.Exists(dotted) || dotted.Length < 5)
            {
                errors["region"] = RegionUnknown;
            }
            else if (allowedRegions is not null && !allowedRegions.Any(r => dotted.StartsWith(r, StringComparison.Ordinal)))
            {
                errors["region"] = RegionOutOfScope;
            }
            else
            {
                region = dotted;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (key, prefix) = ApiKeyToken.Generate();
        var row = new ApiKey
        {
            Name = name!,
            Prefix = prefix,
            SecretHash = ApiKeyToken.Hash(key),
            Role = role!,
            AgencyId = agency?.Id,
            RegionCode = region!,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return (new IssuedApiKey(row, key), errors);
    }

    /// <summary>Marks the key revoked (idempotent: a revoked key keeps its first revocation time).</summary>
    public static async Task RevokeAsync(LindungDbContext db, ApiKey key, DateTime now, CancellationToken ct)
    {
        if (key.RevokedAt is null)
        {
            key.RevokedAt = now;
            await db.SaveChangesAsync(ct);
        }
    }
}
