using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Agencies;

/// <summary>
/// An agency as an admin writes it: code, name, kind, parent and region, and for a vertical institution
/// (<see cref="AgencyKinds.IsVertical"/>) the central institution it answers to.
/// </summary>
internal sealed record AgencyRequest(string? Code, string? Name, AgencyKind? Kind, Guid? ParentAgencyId, string? RegionCode, string? Institution = null);

/// <summary>
/// Creates an agency (OPD), or replaces one the admin may see: the one place its rules live, behind the
/// admin page and <c>POST/PUT /api/v1/agencies</c>. A code is unique within its region (the same code is
/// legal in another regency); the region must lie in the admin's own; the parent must be an agency the
/// admin may see, never the agency itself, and of the same government: a madrasah hangs under a vertical
/// office, a Pemda school under a Pemda agency, so the Pemda's own figures never absorb a ministry's
/// staff. A vertical institution names its central institution; a Pemda agency names none. The audit interceptor records the change with the admin as actor.
/// </summary>
internal sealed class SaveAgency(LindungDbContext db)
{
    public const string CodeField = "code";
    public const string NameField = "name";
    public const string KindField = "kind";
    public const string ParentField = "parent_agency_id";
    public const string RegionField = "region_code";
    public const string InstitutionField = "institution";

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

    private static readonly UseCaseError InstitutionRequired = UseCaseError.Of("AGENCY_INSTITUTION_REQUIRED",
        "Instansi vertikal dan madrasah wajib menyebut instansi pusatnya (mis. Kementerian Agama), paling banyak 200 karakter.",
        "A vertical institution or madrasah names its central institution (e.g. Kementerian Agama), at most 200 characters.", InstitutionField);

    private static readonly UseCaseError InstitutionNotVertical = UseCaseError.Of("AGENCY_INSTITUTION_NOT_VERTICAL",
        "Instansi pusat hanya diisi untuk instansi vertikal dan madrasah; perangkat daerah tidak memilikinya.",
        "Only a vertical institution or madrasah names a central institution; a Pemda agency has none.", InstitutionField);

    private static readonly UseCaseError ParentOtherGovernment = UseCaseError.Of("AGENCY_PARENT_OTHER_GOVERNMENT",
        "Instansi induk harus dari pemerintahan yang sama: madrasah dan kantor vertikal di bawah instansi vertikal, perangkat daerah di bawah perangkat daerah.",
        "The parent must belong to the same government: madrasahs and vertical offices under a vertical institution, Pemda agencies under a Pemda agency.", ParentField);

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

        var parentKind = request.ParentAgencyId is { } parent && parent != id
            ? await db.AgenciesFor(scope).Where(a => a.Id == parent).Select(a => (AgencyKind?)a.Kind).SingleOrDefaultAsync(ct)
            : null;
        if (request.ParentAgencyId is not null && parentKind is null)
        {
            errors[ParentField] = ParentUnknown;
        }

        var institution = string.IsNullOrWhiteSpace(request.Institution) ? null : request.Institution.Trim();
        var refusals = new List<UseCaseError>();
        if (request.Kind is { } kind)
        {
            var vertical = AgencyKinds.IsVertical(kind);
            if (vertical && (institution is null || institution.Length > 200))
            {
                refusals.Add(InstitutionRequired);
            }
            else if (!vertical && institution is not null)
            {
                refusals.Add(InstitutionNotVertical);
            }

            if (parentKind is { } pk && AgencyKinds.IsVertical(pk) != vertical)
            {
                refusals.Add(ParentOtherGovernment);
            }
        }

        if (code is not null && region is not null && await db.Agencies.AnyAsync(a => a.RegionCode == region && a.Code == code && a.Id != id, ct))
        {
            errors[CodeField] = CodeTaken;
        }

        if (errors.Count > 0 || refusals.Count > 0)
        {
            return UseCaseResult<Agency>.Refused([.. errors.Select(e => new UseCaseError(Worded.GetValueOrDefault((e.Key, e.Value.Code), e.Value), e.Key)), .. refusals]);
        }

        if (agency is null)
        {
            agency = new Agency { Code = code!, Name = name!, RegionCode = region! };
            db.Agencies.Add(agency);
        }

        agency.Code = code!;
        agency.Name = name!;
        agency.Kind = request.Kind!.Value;
        agency.Institution = institution;
        agency.ParentAgencyId = request.ParentAgencyId;
        agency.RegionCode = region!;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Agency>.Ok(agency);
    }
}
