using Microsoft.Playwright;

namespace Lindung.Tests.Infrastructure;

/// <summary>Signs a test user in through the real form in Chromium.</summary>
internal static class BrowserSignIn
{
    /// <summary>
    /// Fills and submits the sign-in form, then waits for the sign-out button of the next page. Waiting on an
    /// element instead of the navigation's load event keeps a slow CI machine from timing out on a page that
    /// has already arrived; a failed sign-in reports the message the form showed.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password = TestUsers.Password)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        var signOut = page.Locator("form[action='/account/signout'] button");
        var error = page.GetByRole(AriaRole.Alert);
        await signOut.Or(error).First.WaitForAsync(new() { Timeout = 30_000 });
        if (!await signOut.IsVisibleAsync())
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {await error.InnerTextAsync()}");
        }
    }
}
