using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Villages;

/// <summary>The request to make an agency foster a village; <c>ValidFrom</c> defaults to today, <c>ValidTo</c> to open.</summary>
internal sealed record AssignVillageRequest(Guid AgencyId, string? VillageCode, DateOnly? ValidFrom = null, DateOnly? ValidTo = null);

/// <summary>An assignment as pages and the API show it.</summary>
internal sealed record VillageAssignmentDto(Guid Id, Guid AgencyId, string AgencyName, string VillageCode, string VillageName, string? DistrictName, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public static VillageAssignmentDto From(VillageAssignment a, string agencyName)
    {
        var village = Domain.Areas.AreaDirectory.Embedded.Find(a.VillageCode);
        var district = village?.ParentCode is { } parent ? Domain.Areas.AreaDirectory.Embedded.Find(parent)?.Name : null;
        return new(a.Id, a.AgencyId, agencyName, a.VillageCode, village?.Name ?? a.VillageCode, district, a.ValidFrom, a.ValidTo);
    }
}

/// <summary>
/// "Satu OPD Satu Desa Dampingan": a regional admin assigns an agency of its regions to a village of
/// the agency's own regency for a period. One agency fosters a village at most once at a time; several
/// agencies may foster the same village.
/// </summary>
internal sealed class AssignVillage(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<VillageAssignmentDto>> HandleAsync(AssignVillageRequest request, AccessScope scope, CancellationToken ct)
    {
        var agency = await db.AgenciesFor(scope).FirstOrDefaultAsync(a => a.Id == request.AgencyId, ct);
        if (agency is null)
        {
            return VillageErrors.AgencyNotFound;
        }

        var code = request.VillageCode?.Trim();
        if (!VillageAccess.IsVillage(code))
        {
            return VillageErrors.VillageUnknown;
        }

        if (VillageAccess.RegencyOf(code!) != agency.RegionCode[..Math.Min(5, agency.RegionCode.Length)])
        {
            return VillageErrors.VillageOutsideRegion;
        }

        var from = request.ValidFrom ?? clock.Today();
        if (request.ValidTo is { } to && to <= from)
        {
            return VillageErrors.PeriodInvalid;
        }

        var overlaps = await db.VillageAssignments
            .Where(a => a.AgencyId == agency.Id && a.VillageCode == code)
            .ValidDuring(from, request.ValidTo ?? DateOnly.MaxValue)
            .AnyAsync(ct);
        if (overlaps)
        {
            return VillageErrors.Overlaps;
        }

        var assignment = new VillageAssignment
        {
            AgencyId = agency.Id,
            VillageCode = code!,
            RegionCode = VillageAccess.RegencyOf(code!),
            ValidFrom = from,
            ValidTo = request.ValidTo,
        };
        db.VillageAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<VillageAssignmentDto>.Ok(VillageAssignmentDto.From(assignment, agency.Name));
    }
}
