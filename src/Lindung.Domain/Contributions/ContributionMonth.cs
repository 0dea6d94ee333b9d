using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lindung.Domain.Contributions;

/// <summary>
/// An iuran month (year + month). Rates, caps and discounts are effective per contribution month,
/// not per payment date, so this is the only time unit the contribution engine knows.
/// </summary>
[JsonConverter(typeof(ContributionMonthJsonConverter))]
public readonly record struct ContributionMonth : IComparable<ContributionMonth>
{
    public ContributionMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>Parses exactly <c>YYYY-MM</c>; anything else returns false.</summary>
    public static bool TryParse(string? text, out ContributionMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year < 1900 || m is < 1 or > 12)
        {
            return false;
        }

        month = new ContributionMonth(year, m);
        return true;
    }

    public static ContributionMonth Parse(string text) =>
        TryParse(text, out var month)
            ? month
            : throw new FormatException($"'{text}' is not a month in the form YYYY-MM.");

    public ContributionMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new ContributionMonth(index / 12, (index % 12) + 1);
    }

    public int CompareTo(ContributionMonth other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Month.CompareTo(other.Month);

    public static bool operator <(ContributionMonth left, ContributionMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(ContributionMonth left, ContributionMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(ContributionMonth left, ContributionMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ContributionMonth left, ContributionMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}

/// <summary>Reads and writes a <see cref="ContributionMonth"/> as the string <c>YYYY-MM</c>.</summary>
public sealed class ContributionMonthJsonConverter : JsonConverter<ContributionMonth>
{
    public override ContributionMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return ContributionMonth.TryParse(text, out var month)
            ? month
            : throw new JsonException($"'{text}' is not a month in the form YYYY-MM.");
    }

    public override void Write(Utf8JsonWriter writer, ContributionMonth value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
