using Lindung.Application;
using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Villages;

/// <summary>
/// One village as its page shows it: where it lies, the agencies that foster it, its working-age
/// population, the workers known to live there (by domicile), how many are enrolled today and in which
/// segment, how many a sponsor funds this month, how many still wait, and the enrolled count at the end of each of the last twelve months.
/// </summary>
internal sealed record VillageView(
    string Code,
    string Name,
    string? DistrictName,
    string? RegencyName,
    IReadOnlyList<VillageAssignmentDto> Assignments,
    int? WorkingAgePopulation,
    DateOnly? PopulationAsOf,
    int KnownWorkers,
    int Enrolled,
    int Sponsored,
    IReadOnlyList<VillageSegmentCount> BySegment,
    IReadOnlyList<VillageMonth> Progress)
{
    /// <summary>Known workers without an active membership today: the vulnerable workers still waiting.</summary>
    public int Waiting => KnownWorkers - Enrolled;
}

internal sealed record VillageSegmentCount(Segment Segment, int Workers);

internal sealed record VillageMonth(DateOnly MonthEnd, int Enrolled);

internal sealed class LoadVillage(LindungDbContext db, TimeProvider clock)
{
    public const int ProgressMonths = 12;

    public async Task<UseCaseResult<VillageView>> HandleAsync(string? code, AccessScope scope, CancellationToken ct)
    {
        code = code?.Trim();
        if (!VillageAccess.IsVillage(code) || !await VillageAccess.MaySeeAsync(db, scope, code!, ct))
        {
            return VillageErrors.NotFound;
        }

        var areas = AreaDirectory.Embedded;
        var village = areas.Find(code)!;
        var today = clock.Today();
        var assignments = await db.VillageAssignments.AsNoTracking()
            .Where(a => a.VillageCode == code)
            .OrderByDescending(a => a.ValidTo == null).ThenBy(a => a.ValidFrom)
            .Select(a => new { Assignment = a, AgencyName = a.Agency!.Name })
            .ToListAsync(ct);
        var profile = await db.VillageProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.VillageCode == code, ct);

        // Everyone living there, as counts: the village page never lists people.
        var residents = db.Workers.Where(w => w.RegionCode == code).Select(w => w.Id);
        var known = await residents.CountAsync(ct);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var monthEnds = Enumerable.Range(0, ProgressMonths).Select(i => i == ProgressMonths - 1 ? today : thisMonth.AddMonths(i - ProgressMonths + 2).AddDays(-1)).ToList();

        // The residents' ACTIVE memberships of the whole period, read once: each day's count is then the
        // same "in force and ACTIVE on the day" as History.CoveredOn, without a probe per resident per month.
        var active = await db.Memberships.CoveredIn(monthEnds[0], today.AddDays(1)).Where(m => residents.Contains(m.WorkerId))
            .Select(m => new { m.WorkerId, m.Segment, m.ValidFrom, m.ValidTo })
            .ToListAsync(ct);
        bool On(DateOnly day, DateOnly from, DateOnly? to) => from <= day && (to == null || to > day);
        var coveredToday = active.Where(m => On(today, m.ValidFrom, m.ValidTo)).ToList();
        var enrolled = coveredToday.Select(m => m.WorkerId).Distinct().Count();
        var bySegment = coveredToday.GroupBy(m => m.Segment)
            .Select(g => new VillageSegmentCount(g.Key, g.Select(m => m.WorkerId).Distinct().Count()))
            .ToList();

        var sponsored = await db.SponsoredMonths.Where(m => m.Month == thisMonth && residents.Contains(m.Sponsorship!.WorkerId))
            .Select(m => m.Sponsorship!.WorkerId).Distinct().CountAsync(ct);

        var progress = monthEnds
            .Select(end => new VillageMonth(end, active.Where(m => On(end, m.ValidFrom, m.ValidTo)).Select(m => m.WorkerId).Distinct().Count()))
            .ToList();

        var district = village.ParentCode is { } d ? areas.Find(d) : null;
        var regency = areas.Find(VillageAccess.RegencyOf(code!));
        return UseCaseResult<VillageView>.Ok(new VillageView(
            code!,
            village.Name,
            district?.Name,
            regency?.Name,
            [.. assignments.Select(a => VillageAssignmentDto.From(a.Assignment, a.AgencyName))],
            profile?.WorkingAgePopulation,
            profile?.PopulationAsOf,
            known,
            enrolled,
            sponsored,
            [.. bySegment.OrderBy(s => s.Segment)],
            progress));
    }
}
