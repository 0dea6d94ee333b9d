using System.Text;

namespace Lindung.Data;

/// <summary>snake_case for database names (<c>RegionCode</c> → <c>region_code</c>) on every provider.</summary>
internal static class SnakeCase
{
    public static string Lower(string name) => Convert(name, char.ToLowerInvariant);

    public static string Upper(string name) => Convert(name, char.ToUpperInvariant);

    private static string Convert(string name, Func<char, char> casing)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                sb.Append('_');
            }

            sb.Append(casing(c));
        }

        return sb.ToString();
    }
}
