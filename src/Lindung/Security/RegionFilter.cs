using System.Linq.Expressions;
using Lindung.Data.Entities;

namespace Lindung.Security;

/// <summary>
/// "Row lies inside one of these regions": a prefix match on Kemendagri codes ("35.77" covers
/// "35.77.01.1001"), built as SQL-translatable OR-ed <c>LIKE 'code%'</c> terms.
/// </summary>
internal static class RegionFilter
{
    public static Expression<Func<T, bool>> Within<T>(IReadOnlyList<string> regionCodes)
        where T : IRegionScoped
    {
        var row = Expression.Parameter(typeof(T), "row");
        var code = Expression.Property(row, nameof(IRegionScoped.RegionCode));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var region in regionCodes.Distinct(StringComparer.Ordinal))
        {
            body = Expression.OrElse(body, Expression.Call(code, startsWith, Expression.Constant(region)));
        }

        return Expression.Lambda<Func<T, bool>>(body, row);
    }
}
