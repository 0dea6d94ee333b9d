using Microsoft.Playwright;

namespace Lindung.Tests.Infrastructure;

/// <summary>Waits for a server-rendered page to arrive without depending on the browser's load event.</summary>
internal static class BrowserNavigation
{
    /// <summary>
    /// Waits until the page is at <paramref name="urlGlob"/> and its footer, the last element of every page,
    /// is in the document, so the whole page has been parsed. The load event is not waited for: when one
    /// navigation follows another quickly, Chromium has been seen never to report "load" for the second one
    /// (a 30 s timeout on CI with the page already there).
    /// </summary>
    public static async Task ArriveAsync(this IPage page, string urlGlob)
    {
        await page.WaitForURLAsync(urlGlob, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("footer.foot").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
