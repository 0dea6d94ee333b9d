using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Lindung.Tests.Infrastructure;

/// <summary>Waits for a server-rendered page to arrive without depending on the browser's lifecycle events.</summary>
internal static class BrowserNavigation
{
    /// <summary>
    /// Waits until the page's address matches <paramref name="urlGlob"/> (<c>**</c> any characters, <c>*</c> any
    /// but '/', <c>?</c> one) and its footer, the last element of every page, is in the document, so the whole page
    /// has been parsed. No load state is waited for, not even "commit": after two quick navigations Chromium has
    /// been seen never to report one, so <c>WaitForURLAsync</c> timed out on CI with the page already there.
    /// </summary>
    public static async Task ArriveAsync(this IPage page, string urlGlob)
    {
        await Assertions.Expect(page).ToHaveURLAsync(GlobToRegex(urlGlob), new() { Timeout = 30_000 });
        await page.Locator("footer.foot").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static Regex GlobToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
                continue;
            }

            pattern.Append(glob[i] switch
            {
                '*' => "[^/]*",
                '?' => ".",
                var c => Regex.Escape(c.ToString()),
            });
        }

        // Playwright hands the pattern to the browser, which accepts no .NET-only options.
        return new Regex(pattern.Append('$').ToString(), RegexOptions.None);
    }
}
