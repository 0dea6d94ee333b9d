using Lindung.Data;

namespace Lindung.Features.Shared;

/// <summary>The ui-text key of an enum value: <c>category.HARIAN_LEPAS</c>, <c>kind.DINAS</c>, …</summary>
internal static class Labels
{
    public static string Key<TEnum>(string prefix, TEnum value)
        where TEnum : struct, Enum =>
        $"{prefix}.{EnumCodes<TEnum>.ToCode(value)}";
}
