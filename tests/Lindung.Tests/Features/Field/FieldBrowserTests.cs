using Lindung.Data;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Field;

/// <summary>
/// A field officer on a phone-sized Chromium loses signal, captures three workers and the first one a
/// second time (the bad NIK it types first is refused on the phone), comes back online, and the server
/// holds exactly three leads: the queue empties itself and the repeated NIK is merged. Each save is confirmed in
/// sight, above a cleared form. The page is installable (manifest, service worker).
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class FieldBrowserTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Three_captures_made_offline_arrive_once_when_the_phone_is_back_online()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.FieldOfficer, null, RegistrySeed.Village);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSignIn.SignInAsync(page, email);
        await page.GotoAsync("/field");
        await page.Locator("#field-connection[data-state='online']").WaitForAsync();
        // Installable: the manifest is served and the service worker that keeps the page for offline use registers.
        Assert.Equal(200, await page.EvaluateAsync<int>("() => fetch('/field.webmanifest').then(r => r.status)"));
        await page.WaitForFunctionAsync("async () => !!(await navigator.serviceWorker.getRegistration('/field'))");

        await context.SetOfflineAsync(true);
        await page.Locator("#field-connection[data-state='offline']").WaitForAsync();

        // Refused on the phone, without the server: a NIK one digit short.
        await page.Locator("#field-nik").FillAsync("357701450785001");
        await page.Locator("#field-name").FillAsync("Salah Ketik");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        Assert.Contains("16", await page.Locator("#field-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.Locator("#field-saved").InnerTextAsync());

        string[] niks =
        [
            Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1987, 7, 5), Lindung.Domain.Identifiers.Sex.P, 91),
            Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1990, 1, 2), Lindung.Domain.Identifiers.Sex.L, 92),
            Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1979, 3, 4), Lindung.Domain.Identifiers.Sex.L, 93),
        ];
        string[] names = ["Sulastri", "Bambang", "Joko"];
        for (var i = 0; i < 3; i++)
        {
            await CaptureAsync(page, niks[i], names[i]);
        }

        await CaptureAsync(page, niks[0], "Sulastri");
        Assert.Equal("4", await page.Locator("#field-queue-count").GetAttributeAsync("data-count"));
        await Screenshots.SaveAsync(page, "field-1-offline-queue");

        await context.SetOfflineAsync(false);
        try
        {
            await page.Locator("#field-queue-count[data-count='0']").WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail("The queue did not empty: " + await page.Locator("#field-queue-card").InnerTextAsync());
        }
        Assert.Equal(1, await page.Locator("#field-results li[data-status='merged']").CountAsync());
        // The last capture's confirmation follows it to the server.
        Assert.Contains("Sulastri terkirim ke server: Digabung", await page.Locator("#field-saved").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "field-2-synced");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the capture page scrolls sideways on a 390px screen");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var leads = await db.FieldLeads.OrderBy(l => l.Name).Select(l => l.Name).ToListAsync();
        Assert.Equal(["Bambang", "Joko", "Sulastri"], leads);
    }

    private static async Task CaptureAsync(IPage page, string nik, string name)
    {
        await page.Locator("#field-nik").FillAsync(nik);
        await page.Locator("#field-name").FillAsync(name);
        await page.Locator("#field-consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        // The confirmation names the worker where the officer looks next (the save button is below the fold on a
        // phone), and the form is clear for the next household member in the same village.
        var saved = page.Locator("#field-saved");
        Assert.Contains($"{name} tersimpan di ponsel", await saved.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(
            await saved.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"),
            "the confirmation is out of sight after saving");
        Assert.Equal(("", "", "field-nik"), (await page.Locator("#field-nik").InputValueAsync(), await page.Locator("#field-name").InputValueAsync(), await page.EvaluateAsync<string>("() => document.activeElement.id")));
        Assert.Equal(RegistrySeed.Village, await page.Locator("#field-village").InputValueAsync());
    }
}
