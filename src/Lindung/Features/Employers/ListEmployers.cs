using Lindung.Data;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Features.Compliance;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Employers;

/// <summary>What the employer list asks: a search (name, NPP, NIB or NPWP), a compliance status, a page.</summary>
internal sealed record EmployerListRequest(string? Query, ComplianceStatus? Status, int Page);

/// <summary>One employer as the list shows it, with its compliance status today.</summary>
internal sealed record EmployerListRow(Guid Id, string Name, string? Npp, BusinessSize? Size, string RegionCode, ComplianceStatus Status);

/// <summary>A page of employers, and how many of the search's employers have each status.</summary>
internal sealed record EmployerList(IReadOnlyList<EmployerListRow> Rows, Paging Paging, IReadOnlyDictionary<ComplianceStatus, int> Statuses);

/// <summary>
/// The employer list a licensing officer or the branch works from: the search the API shares
/// (<see cref="EmployerSearch"/>), each employer's compliance status judged by the same rules and facts
/// as a single check (<see cref="ComplianceFactsSnapshot"/>, kept while the data is the same), and a
/// filter by status. Listing is not a check anyone asked for, so nothing is audited.
/// </summary>
internal sealed class ListEmployers(LindungDbContext db, CheckEmployerCompliance compliance, TimeProvider clock)
{
    public async Task<EmployerList> HandleAsync(EmployerListRequest request, AccessScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = clock.Today();
        var facts = await compliance.FactsAsync(scope, ct);
        var byId = facts.Rows.ToDictionary(r => r.Id);
        ComplianceStatus StatusOf(Guid id) =>
            byId.TryGetValue(id, out var row) ? ComplianceRules.Assess(facts.FactsOf(row), today).Status : ComplianceStatus.TidakTerdaftar;

        // Ids only: a search can match every employer of a region, and the status of each is judged in memory.
        var matching = await db.EmployersFor(scope).AsNoTracking().Matching(request.Query)
            .OrderBy(e => e.Name).ThenBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var statuses = matching.ToDictionary(id => id, StatusOf);
        var counts = Enum.GetValues<ComplianceStatus>().ToDictionary(s => s, s => statuses.Values.Count(v => v == s));
        var chosen = request.Status is { } wanted ? matching.Where(id => statuses[id] == wanted).ToList() : matching;
        var paging = new Paging(Paging.Clamp(request.Page), Paging.DefaultSize, chosen.Count);
        var page = chosen.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => page.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var rows = page.Where(employers.ContainsKey).Select(id => employers[id])
            .Select(e => new EmployerListRow(e.Id, e.Name, e.Npp, e.BusinessSize, e.RegionCode, statuses[e.Id]))
            .ToList();
        return new EmployerList(rows, paging, counts);
    }
}
