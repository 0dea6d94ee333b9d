using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Features.Agencies;
using Lindung.Features.Reconciliation;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Home;

/// <summary>
/// What an agency operator needs on arrival: the agency's staff, how many are covered and how many
/// are not (the month's snapshot, as of <see cref="TakenAt"/>: the agency page's and the agency list's
/// figures), and the monthly contribution that would close the gap by its latest reconciliation
/// (null before the first run, <see cref="Freshness"/> says whether that run is out of date).
/// </summary>
internal sealed record OperatorLanding(Agency Agency, int Workers, int Covered, DateTime? TakenAt, long? MonthlyToClose, RunFreshness? Freshness)
{
    public int Uncovered => Workers - Covered;
}

/// <summary>
/// Reads <see cref="OperatorLanding"/> for the signed-in operator's own agency: counts from the
/// snapshot (an agency of 150,000 workers costs what one of six does), totals from the gap list
/// header, never its lines.
/// </summary>
internal sealed class LoadOperatorLanding(LindungDbContext db, TimeProvider clock, RateBook rates)
{
    /// <summary>Null for anyone who does not operate an agency, or whose agency is gone.</summary>
    public async Task<OperatorLanding?> HandleAsync(AccessScope scope, CancellationToken ct)
    {
        if (!scope.OperatesAgency)
        {
            return null;
        }

        var agency = await db.AgenciesFor(scope).AsNoTracking().FirstOrDefaultAsync(a => a.Id == scope.AgencyId, ct);
        if (agency is null)
        {
            return null;
        }

        var today = clock.Today();
        var (workers, covered, takenAt) = await AgencyCoverage.OfAgencyAsync(db, agency, today, ct);

        var pricing = GapPricing.ForAgencies(rates, today);
        var gaps = await AgencyGaps.LoadAsync(db, scope, agency.Id, pricing, PersonalDataView.Nothing, ct);
        var freshness = await RunFreshness.OfAgencyAsync(db, agency, ct);
        return new OperatorLanding(agency, workers, covered, takenAt, gaps?.Run is null ? null : gaps.MonthlyTotal, freshness);
    }
}
