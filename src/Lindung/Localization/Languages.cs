using System.Globalization;

namespace Lindung.Localization;

/// <summary>The UI languages: Bahasa Indonesia by default, English on request.</summary>
internal static class Languages
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    public static readonly string[] Supported = [Indonesian, English];

    public static bool IsEnglish(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("en", StringComparison.OrdinalIgnoreCase);
}
