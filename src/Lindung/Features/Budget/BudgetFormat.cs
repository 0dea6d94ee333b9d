using System.Globalization;
using Lindung.Domain.Contributions;
using Lindung.Localization;

namespace Lindung.Features.Budget;

/// <summary>How a plan's months and the rate rows of its legal basis read, in the page's language: "Jan 2027", "0,89%", "Rp11.086.300".</summary>
internal static class BudgetFormat
{
    /// <summary>"Jan 2027", in the page's language.</summary>
    public static string Month(ContributionMonth month) => Shared.Formats.Month(new DateOnly(month.Year, month.Month, 1));

    /// <summary>A rate's value in the page's language: "3,7%" or "Rp6.800" in Indonesian.</summary>
    public static string Value(LegalBasisEntry entry) =>
        entry.Value is not { } value ? string.Empty
        : entry.Unit == RateUnit.Percent ? value.ToString("0.##", CultureInfo.CurrentCulture) + "%"
        : entry.Unit == RateUnit.Count ? value.ToString("0", CultureInfo.CurrentCulture)
        : Shared.Formats.Rupiah((long)value);

    /// <summary>A rate's name in the page's language ("tarif JKK BPU"); the rate book's own name for a parameter it alone knows.</summary>
    public static string Name(LegalBasisEntry entry) =>
        !Languages.IsEnglish(CultureInfo.CurrentUICulture) && RateParameters.All.TryGetValue(entry.Parameter, out var parameter) ? parameter.Indonesian : entry.Name;
}
