using Lindung.Data;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Home;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class HomeBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_renders_in_Chromium_and_switches_to_English()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        Assert.Equal("127.0.0.1", app.BaseAddress.Host);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;

        var response = await page.GotoAsync("/");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("Lindung", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Selamat datang di Lindung · Lindung", await page.TitleAsync());
        Assert.Equal("id", await page.Locator("html").GetAttributeAsync("lang"));
        // The stylesheet really arrived (a compressed-asset mix-up once served it empty).
        Assert.Equal("rgb(11, 110, 79)", await page.Locator("header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        // The language switch posts a form (with its anti-forgery token) and comes back in English.
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "English" }).ClickAsync();
        // The address does not change, so wait for the English document itself.
        await page.Locator("html[lang='en'] footer.foot").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        Assert.Equal("Welcome to Lindung · Lindung", await page.TitleAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Bahasa Indonesia", await page.Locator("header form button").InnerTextAsync());

        var screenshot = await Screenshots.SaveAsync(page);
        var file = new FileInfo(screenshot);
        Assert.True(file.Exists, $"screenshot {screenshot} was not written");
        Assert.True(file.Length > 2_000, $"screenshot {screenshot} is only {file.Length} bytes");
        await using var png = file.OpenRead();
        var signature = new byte[8];
        await png.ReadExactlyAsync(signature);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
    }

    [Fact]
    public async Task On_a_phone_the_menu_folds_behind_one_button_and_opens_without_script()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.RegionalAdmin);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, email);
        var agencies = page.Locator("header nav a[href='/agencies']");
        var menu = page.Locator("header .menu-button");

        // On a desk the links are in the bar and there is no menu button.
        Assert.True(await agencies.IsVisibleAsync());
        Assert.False(await menu.IsVisibleAsync());

        await page.SetViewportSizeAsync(390, 844);
        Assert.False(await agencies.IsVisibleAsync(), "the menu links fill a phone's screen before the page");
        Assert.Equal("Menu", await menu.InnerTextAsync());
        await Screenshots.SaveAsync(page, "home-phone-menu-closed");

        await menu.ClickAsync();
        Assert.True(await agencies.IsVisibleAsync());
        await Screenshots.SaveAsync(page, "home-phone-menu-open");
        await agencies.ClickAsync();
        await page.ArriveAsync(new Uri(app.BaseAddress, "/agencies").ToString());
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways on a 390px screen");
    }
}
