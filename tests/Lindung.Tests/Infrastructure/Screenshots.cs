using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Playwright;

namespace Lindung.Tests.Infrastructure;

/// <summary>Saves PNG screenshots under <c>$LINDUNG_TEST_ARTIFACTS/screenshots</c>.</summary>
public static class Screenshots
{
    /// <summary>Screenshot of the whole page; returns the file path. The name defaults to the calling test.</summary>
    public static async Task<string> SaveAsync(IPage page, string? name = null, [CallerMemberName] string caller = "")
    {
        var directory = Path.Combine(TestEnvironment.ArtifactsDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SafeFileName(name ?? caller) + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Type = ScreenshotType.Png });
        return path;
    }

    private static string SafeFileName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return builder.Length == 0 ? "screenshot" : builder.ToString();
    }
}
