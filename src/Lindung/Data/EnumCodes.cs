using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lindung.Data;

/// <summary>
/// The database spelling of an enum: the DOMAIN code in upper snake case (<c>HarianLepas</c> →
/// <c>HARIAN_LEPAS</c>, <c>BpjsTk</c> → <c>BPJS_TK</c>), so the tables read like the rulebook.
/// A <see cref="FlagsAttribute"/> enum is stored as its set members joined by commas (<c>JKK,JKM,JHT</c>).
/// </summary>
internal static class EnumCodes<TEnum>
    where TEnum : struct, Enum
{
    private static readonly bool IsFlags = typeof(TEnum).IsDefined(typeof(FlagsAttribute), inherit: false);

    // For flags, only the single-bit members; "None" is the empty string.
    private static readonly (TEnum Value, long Bits, string Code)[] Members = Enum.GetValues<TEnum>()
        .Select(v => (Value: v, Bits: Convert.ToInt64(v, CultureInfo.InvariantCulture), Code: SnakeCase.Upper(v.ToString())))
        .Where(m => !IsFlags || m.Bits != 0)
        .ToArray();

    public static int MaxLength { get; } =
        IsFlags ? Members.Sum(m => m.Code.Length + 1) : Members.Max(m => m.Code.Length);

    /// <summary>
    /// A member from what a person or client typed: its name or its DOMAIN code, any case, blanks
    /// around it ignored, "-" read as "_" (<c>Pengaduan</c>, <c>harian-lepas</c>, <c>VALID_ROWS_ONLY</c>).
    /// Never a number or a comma list, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
    /// would take ("1", "Open, Closed") and turn into values nobody chose; never a combination of flags.
    /// </summary>
    public static bool TryParseName(string? text, out TEnum value)
    {
        var typed = text?.Trim().Replace('-', '_');
        foreach (var member in Members)
        {
            if (string.Equals(member.Value.ToString(), typed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(member.Code, typed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(member.Code.Replace("_", string.Empty, StringComparison.Ordinal), typed, StringComparison.OrdinalIgnoreCase))
            {
                value = member.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary><see cref="TryParseName"/> as a nullable: null when <paramref name="text"/> names no member.</summary>
    public static TEnum? ParseName(string? text) => TryParseName(text, out var value) ? value : null;

    public static string ToCode(TEnum value)
    {
        if (!IsFlags)
        {
            return Members.First(m => m.Value.Equals(value)).Code;
        }

        var bits = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return string.Join(',', Members.Where(m => (bits & m.Bits) == m.Bits).Select(m => m.Code));
    }

    public static TEnum Parse(string code)
    {
        if (!IsFlags)
        {
            return Members.First(m => m.Code == code).Value;
        }

        var bits = code.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Aggregate(0L, (acc, part) => acc | Members.First(m => m.Code == part).Bits);
        return (TEnum)Enum.ToObject(typeof(TEnum), bits);
    }
}

internal sealed class EnumCodeConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => EnumCodes<TEnum>.ToCode(v),
    s => EnumCodes<TEnum>.Parse(s))
    where TEnum : struct, Enum;
