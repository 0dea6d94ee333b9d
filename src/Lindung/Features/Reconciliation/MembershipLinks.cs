using Lindung.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// Ties a membership to the roster worker a confirmed match found for it: every version of the KPJ
/// gets that worker, through the change tracker so each change is audited. Coverage everywhere is
/// "the worker has an active membership", so a match that is not linked would count nowhere.
/// </summary>
internal static class MembershipLinks
{
    private const int ChunkSize = 500;

    public static async Task<int> LinkAsync(LindungDbContext db, IReadOnlyList<(string Kpj, Guid WorkerId)> links, CancellationToken ct)
    {
        var changed = 0;
        foreach (var chunk in links.Chunk(ChunkSize))
        {
            var target = chunk.GroupBy(l => l.Kpj, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().WorkerId, StringComparer.Ordinal);
            var kpjs = target.Keys.ToList();
            var memberships = await db.Memberships.Where(m => kpjs.Contains(m.Kpj)).ToListAsync(ct);
            foreach (var membership in memberships.Where(m => m.WorkerId != target[m.Kpj]))
            {
                membership.WorkerId = target[membership.Kpj];
                changed++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return changed;
    }
}
