using System.Globalization;
using Lindung.Domain.Contributions;

namespace Lindung.Features.Budget;

/// <summary>How a plan's months and the rate rows of its legal basis read: "Jan 2027", "0.89%", "Rp11,086,300".</summary>
internal static class BudgetFormat
{
    /// <summary>"Jan 2027", in the page's language.</summary>
    public static string Month(ContributionMonth month) => Shared.Formats.Month(new DateOnly(month.Year, month.Month, 1));

    public static string Value(LegalBasisEntry entry) =>
        entry.Value is not { } value ? string.Empty
        : entry.Unit == RateUnit.Percent ? value.ToString("0.##", CultureInfo.InvariantCulture) + "%"
        : "Rp" + Rupiah.Format((long)value);
}
