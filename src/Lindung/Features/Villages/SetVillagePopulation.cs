using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Villages;

/// <summary>Records a village's working-age population (from the village's own figures), the denominator of its progress.</summary>
internal sealed class SetVillagePopulation(LindungDbContext db, TimeProvider clock)
{
    public const int MaxPopulation = Domain.Areas.VillagePopulationColumns.MaxPopulation;

    public async Task<UseCaseResult<int>> HandleAsync(string code, int? population, AccessScope scope, CancellationToken ct)
    {
        if (!VillageAccess.IsVillage(code) || !scope.SeesRegion || !scope.Covers(code))
        {
            return VillageErrors.NotFound;
        }

        if (population is not (>= 0 and <= MaxPopulation))
        {
            return VillageErrors.PopulationInvalid;
        }

        var profile = await db.VillageProfiles.FirstOrDefaultAsync(p => p.VillageCode == code, ct);
        if (profile is null)
        {
            profile = new VillageProfile { VillageCode = code, RegionCode = VillageAccess.RegencyOf(code) };
            db.VillageProfiles.Add(profile);
        }

        profile.WorkingAgePopulation = population;
        profile.PopulationAsOf = clock.Today();
        await db.SaveChangesAsync(ct);
        return UseCaseResult<int>.Ok(population.Value);
    }
}
