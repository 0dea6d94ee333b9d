using System.Globalization;

namespace Lindung.Features.Shared;

/// <summary>Numbers as the request culture writes them (id-ID: <c>Rp1.234.567</c>, <c>85,5%</c>).</summary>
internal static class Formats
{
    public static string Rupiah(long amount) => "Rp" + amount.ToString("N0", CultureInfo.CurrentCulture);

    public static string Count(int count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Share of <paramref name="part"/> in <paramref name="whole"/> with one decimal; a dash when the whole is zero.</summary>
    public static string Percent(int part, int whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("N1", CultureInfo.CurrentCulture) + "%";

    public static string Date(DateOnly? day) => day?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? "–";

    public static string Month(DateOnly? month) => month?.ToString("MMM yyyy", CultureInfo.CurrentCulture) ?? "–";

    /// <summary>
    /// A stored UTC moment in the reader's zone, named (<c>25 Nov 2026 18.05 WIB</c>); a dash when
    /// absent. Stored moments are UTC whatever kind the database hands back.
    /// </summary>
    public static string Moment(DateTime? utc)
    {
        if (utc is not { } moment)
        {
            return "–";
        }

        var zone = DisplayZone.Current;
        return zone.FromUtc(moment).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture) + " " + zone.Abbreviation;
    }

    /// <summary>The month in full, as a report title says it: <c>November 2026</c>, <c>Januari 2027</c>.</summary>
    public static string MonthLong(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A date in full: <c>25 November 2026</c>.</summary>
    public static string DateLong(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A share in [0, 1] as a percentage with one decimal; a dash when there is none.</summary>
    public static string Share(double? share) =>
        share is { } s ? (100 * s).ToString("N1", CultureInfo.CurrentCulture) + "%" : "–";

    /// <summary>Basis points as a percentage (8550 → 85,5%); a dash when unset.</summary>
    public static string BasisPoints(int? basisPoints) =>
        basisPoints is { } b ? (b / 100m).ToString("0.##", CultureInfo.CurrentCulture) + "%" : "–";

    /// <summary>Today's date where Lindung runs; registry rows are "valid today" by this day.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
