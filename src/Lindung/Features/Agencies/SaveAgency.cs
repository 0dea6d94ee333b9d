using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Agencies;

/// <summary>An agency as an admin writes it: code, name, kind, parent and region.</summary>
internal sealed record AgencyRequest(string? Code, string? Name, AgencyKind? Kind, Guid? ParentAgencyId, string? RegionCode);

/// <summary>
/// Creates an agency (OPD), or replaces one the admin may see: the one place its rules live, behind the
/// admin page and <c>POST/PUT /api/v1/agencies</c>. A code is unique within its region (the same code is
/// legal in another regency); the region must lie in the admin's own; the parent must be an agency the
/// admin may see, never the agency itself. The audit interceptor records the change with the admin as actor.
/// </summary>
internal sealed class SaveAgency(LindungDbContext db)
{
    public const string CodeField = "code";
    public const string NameField = "name";
    public const string KindField = "kind";
    public const string ParentField = "parent_agency_id";
    public const string RegionField = "region_code";

    public static readonly UseCaseError NotFound = UseCaseError.Of("AGENCY_NOT_FOUND", "Instansi tidak ditemukan.", "Agency not found.");

    private static readonly Dictionary<(string Field, string Code), ValidationError> Worded = new()
    {
        [(CodeField, Fields.Required.Code)] = new(Fields.Required.Code, "Kode wajib diisi (paling banyak 32 karakter).", "Enter a code (at most 32 characters)."),
        [(CodeField, Fields.TooLong.Code)] = new(Fields.TooLong.Code, "Kode wajib diisi (paling banyak 32 karakter).", "Enter a code (at most 32 characters)."),
        [(NameField, Fields.Required.Code)] = new(Fields.Required.Code, "Nama wajib diisi (paling banyak 200 karakter).", "Enter a name (at most 200 characters)."),
        [(NameField, Fields.TooLong.Code)] = new(Fields.TooLong.Code, "Nama wajib diisi (paling banyak 200 karakter).", "Enter a name (at most 200 characters)."),
        [(KindField, Fields.Required.Code)] = new(Fields.Required.Code, "Pilih jenis instansi.", "Choose the kind of agency."),
        [(RegionField, Fields.Required.Code)] = new(Fields.RegionUnknown.Code,
            "Kode wilayah tidak dikenal. Gunakan kode Kemendagri kabupaten/kota atau lebih rinci, mis. 35.77.", "Unknown region code. Use a Kemendagri regency/city code or finer, e.g. 35.77."),
        [(RegionField, Fields.RegionUnknown.Code)] = new(Fields.RegionUnknown.Code,
            "Kode wilayah tidak dikenal. Gunakan kode Kemendagri kabupaten/kota atau lebih rinci, mis. 35.77.", "Unknown region code. Use a Kemendagri regency/city code or finer, e.g. 35.77."),
        [(RegionField, Fields.RegionOutOfScope.Code)] = new(Fields.RegionOutOfScope.Code,
            "Kode wilayah berada di luar wilayah kewenangan Anda.", "The region code is outside the regions you administer."),
    };

    private static readonly ValidationError CodeTaken = new("code_taken",
        "Kode ini sudah dipakai instansi lain di wilayah yang sama.", "Another agency in the same region already uses this code.");

    private static readonly ValidationError ParentUnknown = new("parent_unknown", "Instansi induk tidak valid.", "The parent agency is not valid.");

    /// <summary>Creates an agency when <paramref name="id"/> is null, else replaces that agency.</summary>
    public async Task<UseCaseResult<Agency>> HandleAsync(Guid? id, AgencyRequest request, AccessScope scope, CancellationToken ct)
    {
        var agency = id is null ? null : await db.AgenciesFor(scope).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (id is not null && agency is null)
        {
            return NotFound;
        }

        var errors = new Dictionary<string, ValidationError>();
        var code = Fields.Text(request.Code, 32, CodeField, errors);
        var name = Fields.Text(request.Name, 200, NameField, errors);
        var region = Fields.Region(request.RegionCode, scope, inScope: true, RegionField, errors);
        if (request.Kind is null)
        {
            errors[KindField] = Fields.Required;
        }

        if (request.ParentAgencyId is { } parent && (parent == id || !await db.AgenciesFor(scope).AnyAsync(a => a.Id == parent, ct)))
        {
            errors[ParentField] = ParentUnknown;
        }

        if (code is not null && region is not null && await db.Agencies.AnyAsync(a => a.RegionCode == region && a.Code == code && a.Id != id, ct))
        {
            errors[CodeField] = CodeTaken;
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<Agency>.Refused([.. errors.Select(e => new UseCaseError(Worded.GetValueOrDefault((e.Key, e.Value.Code), e.Value), e.Key))]);
        }

        if (agency is null)
        {
            agency = new Agency { Code = code!, Name = name!, RegionCode = region! };
            db.Agencies.Add(agency);
        }

        agency.Code = code!;
        agency.Name = name!;
        agency.Kind = request.Kind!.Value;
        agency.ParentAgencyId = request.ParentAgencyId;
        agency.RegionCode = region!;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Agency>.Ok(agency);
    }
}
