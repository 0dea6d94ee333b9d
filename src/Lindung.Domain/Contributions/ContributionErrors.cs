using System.Globalization;

namespace Lindung.Domain.Contributions;

/// <summary>The bilingual input errors of the calculators, in one place so wording stays consistent.</summary>
internal static class ContributionErrors
{
    public static ContributionException MustBePositive(string english, string indonesian, long value) => new(
        "not_positive",
        $"{english} must be greater than 0, got {value.ToString(CultureInfo.InvariantCulture)}",
        $"{indonesian} harus lebih dari 0, diberikan {value.ToString(CultureInfo.InvariantCulture)}");

    public static ContributionException TooLarge(string english, string indonesian) => new(
        "too_large",
        $"{english} is too large to compute",
        $"{indonesian} terlalu besar untuk dihitung");
}
