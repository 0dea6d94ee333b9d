using Lindung.Data.Entities;
using Lindung.Domain.Rosters;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Agencies;

/// <summary>What a code named: one agency, none, or several (the same code is legal in two regencies).</summary>
internal sealed record AgencyMatch(Agency? Agency, bool Ambiguous)
{
    public bool Found => Agency is not null;
}

/// <summary>
/// The one way a typed agency code is resolved, for every page, API, CLI verb and import: among the
/// agencies the caller may see (optionally within a region), the exact code first, then the same code
/// ignoring case, spaces and dots as people and files write it. A code found in two regions is
/// ambiguous, never "the first one": the caller names the region.
/// </summary>
internal static class AgencyLookup
{
    public static async Task<AgencyMatch> ByCodeAsync(IQueryable<Agency> visible, string code, string? regionCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var trimmed = code.Trim();
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            var region = regionCode.Trim();
            visible = visible.Where(a => a.RegionCode.StartsWith(region));
        }

        var exact = await visible.Where(a => a.Code == trimmed).Take(2).ToListAsync(ct);
        if (exact.Count == 0)
        {
            // An agency register is a few hundred rows: folding them in memory costs nothing.
            var folded = HeaderMap.Fold(trimmed);
            exact = [.. (await visible.ToListAsync(ct)).Where(a => HeaderMap.Fold(a.Code) == folded).Take(2)];
        }

        return exact.Count switch
        {
            1 => new AgencyMatch(exact[0], Ambiguous: false),
            0 => new AgencyMatch(null, Ambiguous: false),
            _ => new AgencyMatch(null, Ambiguous: true),
        };
    }
}
