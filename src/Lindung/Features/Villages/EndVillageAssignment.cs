using Lindung.Application;
using Lindung.Data;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Villages;

/// <summary>
/// Ends an agency's fostering of a village on a day (default today), or undoes that end. Nothing is
/// removed: the assignment keeps its history, and every change is in the audit trail.
/// </summary>
internal sealed class EndVillageAssignment(LindungDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<VillageAssignmentDto>> HandleAsync(Guid id, DateOnly? endDate, AccessScope scope, CancellationToken ct)
    {
        var assignment = await VillageAccess.AssignmentsFor(db, scope).Include(a => a.Agency).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return VillageErrors.AssignmentNotFound;
        }

        if (assignment.ValidTo is not null)
        {
            return VillageErrors.AlreadyEnded;
        }

        var end = endDate ?? clock.Today();
        if (end <= assignment.ValidFrom)
        {
            return VillageErrors.EndBeforeStart;
        }

        assignment.ValidTo = end;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<VillageAssignmentDto>.Ok(VillageAssignmentDto.From(assignment, assignment.Agency!.Name));
    }

    /// <summary>Undoes an end: the assignment is open again, unless the agency fosters the village again since.</summary>
    public async Task<UseCaseResult<VillageAssignmentDto>> ReopenAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var assignment = await VillageAccess.AssignmentsFor(db, scope).Include(a => a.Agency).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return VillageErrors.AssignmentNotFound;
        }

        if (assignment.ValidTo is not { } ended)
        {
            return VillageErrors.NotEnded;
        }

        var later = await db.VillageAssignments
            .AnyAsync(a => a.Id != id && a.AgencyId == assignment.AgencyId && a.VillageCode == assignment.VillageCode && (a.ValidTo == null || a.ValidTo > ended), ct);
        if (later)
        {
            return VillageErrors.Overlaps;
        }

        assignment.ValidTo = null;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<VillageAssignmentDto>.Ok(VillageAssignmentDto.From(assignment, assignment.Agency!.Name));
    }
}
