using Lindung.Data.Entities;

namespace Lindung.Data;

/// <summary>
/// Settings kept "for a region and everything below it" (targets, traffic-light thresholds, the replace
/// limit): the one that applies to an area is the setting of the area itself or of its nearest enclosing area.
/// </summary>
internal static class NearestRegion
{
    /// <returns>The row whose region code is the longest prefix of <paramref name="code"/>, or null when none encloses it.</returns>
    public static T? NearestTo<T>(this IEnumerable<T> rows, string code)
        where T : class, IRegionScoped =>
        rows.Where(r => code.StartsWith(r.RegionCode, StringComparison.Ordinal)).MaxBy(r => r.RegionCode.Length);
}
