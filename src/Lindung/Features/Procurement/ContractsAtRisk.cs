using Lindung.Application;
using Lindung.Data;
using Lindung.Domain.Contributions;
using Lindung.Domain.Procurement;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Procurement;

/// <summary>
/// One contract left unprotected today, as the agency page lists it: its workers are those assigned to
/// it (construction often has none on record), the risk group that of its contractor where known.
/// </summary>
internal sealed record UnprotectedContract(Guid Id, string Number, ContractKind Kind, string? ContractorName, long Value, int Workers = 0, int? ContractorRiskGroup = null);

/// <summary>An agency's contracts, those unprotected among them and their value at risk (rupiah).</summary>
internal sealed record AgencyContractRisk(
    Guid AgencyId, string AgencyCode, string AgencyName, string RegionCode, int Contracts, int Unprotected, long ValueAtRisk, IReadOnlyList<UnprotectedContract> UnprotectedContracts);

/// <summary>The value at risk per agency (largest first) and per region, and in all.</summary>
internal sealed record ContractRiskSummary(IReadOnlyList<AgencyContractRisk> Agencies, IReadOnlyList<ContractRisk> Regions)
{
    public int Unprotected => Agencies.Sum(a => a.Unprotected);

    public long ValueAtRisk => Agencies.Sum(a => a.ValueAtRisk);
}

/// <summary>
/// The contracts left unprotected today and the value at risk, per agency and per region, over the
/// agencies the caller may see (a commitment officer or agency operator: its own). Unprotected is
/// what the payment gate would refuse (<see cref="Contracts.UnprotectedAsync"/>): construction
/// without its Jakon registered and paid in full, other services whose assigned workers are not all
/// active PU participants of the contractor; goods never are. Agencies without contracts are left out.
/// </summary>
internal sealed class ContractsAtRisk(LindungDbContext db, RateBook rates, TimeProvider clock)
{
    /// <summary>Over one agency (<paramref name="agencyId"/>), the agencies of one region and below (<paramref name="regionCode"/>), or all the caller may see.</summary>
    public async Task<UseCaseResult<ContractRiskSummary>> HandleAsync(AccessScope scope, Guid? agencyId, string? regionCode, CancellationToken ct)
    {
        var agencies = scope.ProcuresForAgency ? db.Agencies.Where(a => a.Id == scope.AgencyId) : db.AgenciesFor(scope);
        if (agencyId is { } id)
        {
            agencies = agencies.Where(a => a.Id == id);
        }

        if (!string.IsNullOrEmpty(regionCode))
        {
            agencies = agencies.Where(a => a.RegionCode.StartsWith(regionCode));
        }

        var ids = agencies.Select(a => a.Id);
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => ids.Contains(c.AgencyId))
            .Include(c => c.Agency).Include(c => c.Contractor).Include(c => c.Stages).Include(c => c.Workers)
            .AsSplitQuery()
            .OrderBy(c => c.Number)
            .ToListAsync(ct);
        var today = clock.Today();
        var unprotected = await Contracts.UnprotectedAsync(db, rates, contracts, today, ct);
        var perAgency = contracts.GroupBy(c => c.AgencyId)
            .Select(g =>
            {
                var agency = g.First().Agency!;
                var risky = g.Where(c => unprotected.Contains(c.Id)).OrderByDescending(c => c.Value).ThenBy(c => c.Number, StringComparer.Ordinal).ToList();
                return new AgencyContractRisk(
                    agency.Id, agency.Code, agency.Name, agency.RegionCode, g.Count(), risky.Count, risky.Sum(c => c.Value),
                    [.. risky.Select(c => new UnprotectedContract(c.Id, c.Number, c.Kind, c.Contractor?.Name, c.Value, c.Workers.Count, c.Contractor?.JkkRiskGroup))]);
            })
            .OrderByDescending(a => a.ValueAtRisk).ThenBy(a => a.AgencyName, StringComparer.Ordinal)
            .ToList();
        var regions = perAgency.GroupBy(a => a.RegionCode, StringComparer.Ordinal)
            .Select(g => new ContractRisk(g.Key, g.Sum(a => a.Contracts), g.Sum(a => a.Unprotected), g.Sum(a => a.ValueAtRisk)))
            .OrderByDescending(r => r.ValueAtRisk).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return UseCaseResult<ContractRiskSummary>.Ok(new ContractRiskSummary(perAgency, regions));
    }
}
