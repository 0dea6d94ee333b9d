using Lindung.Domain.Areas;
using Lindung.Security;

namespace Lindung.Features.Shared;

/// <summary>
/// A region chosen from a list instead of a typed Kemendagri code: the regencies and cities of the
/// user's own regions (a province brings its regencies), or every regency for a whole-installation
/// user, grouped by province. A user who holds one region finds it already chosen.
/// </summary>
internal sealed record RegionPicker(string Id, string Name, string? Value, IReadOnlyList<Area> Choices)
{
    public static RegionPicker For(AccessScope scope, string id, string name, string? value) =>
        new(id, name, value, ChoicesFor(scope, AreaDirectory.Embedded));

    /// <summary>The code shown as chosen: the posted one, else the only choice there is.</summary>
    public string? Selected => Value is { Length: > 0 } posted ? AreaCode.Normalize(posted) ?? posted
        : Choices.Count == 1 ? Choices[0].Code : null;

    /// <summary>A posted code outside the list stays visible, so the server's refusal names what was sent.</summary>
    public bool SelectedIsListed => Selected is null || Choices.Any(a => a.Code == Selected);

    public IEnumerable<IGrouping<string, Area>> ByProvince =>
        Choices.GroupBy(a => AreaDirectory.Embedded.Find(a.Code[..2])?.Name ?? a.Code[..2]);

    public static IReadOnlyList<Area> ChoicesFor(AccessScope scope, AreaDirectory areas)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(areas);
        if (scope.WholeInstallation)
        {
            return [.. areas.Provinces.SelectMany(p => areas.Children(p.Code))];
        }

        var choices = new SortedDictionary<string, Area>(StringComparer.Ordinal);
        foreach (var code in scope.RegionCodes)
        {
            if (areas.Find(code) is not { } area)
            {
                continue;
            }

            var regencies = area.Level == AreaLevel.Province ? areas.Children(area.Code) : [area];
            foreach (var regency in regencies)
            {
                choices[regency.Code] = regency;
            }
        }

        return [.. choices.Values];
    }
}
