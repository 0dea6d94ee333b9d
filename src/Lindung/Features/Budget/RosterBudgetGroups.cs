using Lindung.Data;
using Lindung.Domain.Budget;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Budget;

/// <summary>
/// The agencies' non-ASN staff as budget groups: today's open roster employments the caller may see,
/// counted per agency and wage by the database (a million workers come back as a few thousand rows),
/// each reported as one line per agency. Staff without a roster wage cannot be priced and are counted instead.
/// </summary>
internal sealed class RosterBudgetGroups(LindungDbContext db, TimeProvider clock)
{
    public async Task<(IReadOnlyList<BudgetGroup> Groups, int WithoutWage)> LoadAsync(BudgetRosterOptions options, AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var counts = await db.EmploymentsFor(scope).ValidOn(today)
            .Where(e => e.AgencyId != null)
            .GroupBy(e => new { e.AgencyId, e.MonthlyWage })
            .Select(g => new { g.Key.AgencyId, g.Key.MonthlyWage, Count = g.Count() })
            .ToListAsync(ct);
        var names = await db.AgenciesFor(scope)
            .Select(a => new { a.Id, a.Name, a.Code })
            .ToDictionaryAsync(a => a.Id, a => $"{a.Name} ({a.Code})", ct);

        var groups = counts
            .Where(c => c.MonthlyWage > 0 && names.ContainsKey(c.AgencyId!.Value))
            .OrderBy(c => names[c.AgencyId!.Value], StringComparer.Ordinal)
            .ThenBy(c => c.MonthlyWage)
            .Select(c => options.Group(names[c.AgencyId!.Value], c.MonthlyWage, c.Count))
            .ToList();
        return (groups, counts.Where(c => c.MonthlyWage <= 0).Sum(c => c.Count));
    }
}
