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
