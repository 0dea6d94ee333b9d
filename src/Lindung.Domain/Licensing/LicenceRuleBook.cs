namespace Lindung.Domain.Licensing;

/// <summary>
/// Every version of every licence rule an installation holds, with each version's end worked out
/// from the next version of the same type and region. Lookup for a region: the regency's own rule,
/// else its province's (<c>PP.00</c>).
/// </summary>
public sealed class LicenceRuleBook
{
    private readonly IReadOnlyList<LicenceRule> _rules;

    public LicenceRuleBook(IEnumerable<LicenceRule> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        _rules = versions
            .GroupBy(r => (Type: r.LicenceType.ToUpperInvariant(), r.RegionCode))
            .SelectMany(Chain)
            .OrderBy(r => r.LicenceType, StringComparer.Ordinal).ThenBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.EffectiveFrom)
            .ToList();
    }

    public IReadOnlyList<LicenceRule> All => _rules;

    /// <summary>The regency of any area code inside it (<c>35.77.01.1001</c> → <c>35.77</c>).</summary>
    public static string RegencyOf(string regionCode) => regionCode.Length >= 5 ? regionCode[..5] : regionCode;

    /// <summary>The code a province-wide rule is stored under: <c>35.77</c> → <c>35.00</c>.</summary>
    public static string ProvinceWideCode(string regionCode) => regionCode[..2] + ".00";

    /// <summary>The rule in force on <paramref name="day"/> for the type in the region, or null when the region has none.</summary>
    public LicenceRule? Find(string licenceType, string regionCode, DateOnly day)
    {
        var regency = RegencyOf(regionCode);
        return InForce(licenceType, regency, day) ?? InForce(licenceType, ProvinceWideCode(regency), day);
    }

    /// <summary>The rules in force for a region on a day, one per licence type (the regency's own before its province's).</summary>
    public IReadOnlyList<LicenceRule> InForceFor(string regionCode, DateOnly day)
    {
        var regency = RegencyOf(regionCode);
        return _rules.Select(r => r.LicenceType).Distinct(StringComparer.Ordinal)
            .Select(type => Find(type, regency, day))
            .OfType<LicenceRule>()
            .ToList();
    }

    private LicenceRule? InForce(string licenceType, string regionCode, DateOnly day) =>
        _rules.FirstOrDefault(r => r.RegionCode == regionCode && string.Equals(r.LicenceType, licenceType, StringComparison.OrdinalIgnoreCase) && r.InForceOn(day));

    private static IEnumerable<LicenceRule> Chain(IEnumerable<LicenceRule> versions)
    {
        var ordered = versions.OrderBy(v => v.EffectiveFrom).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            yield return ordered[i] with { EffectiveTo = i + 1 < ordered.Count ? ordered[i + 1].EffectiveFrom.AddDays(-1) : null };
        }
    }
}
