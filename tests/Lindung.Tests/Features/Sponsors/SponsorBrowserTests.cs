using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Sponsors;

/// <summary>
/// A sponsor's account in Chromium lands on its own page from the menu, turns a budget into workers, adopts the two informal workers
/// waiting in its village (staff with a job are their employer's to register) for a year, reads what it pledged month by month, and the regional admin
/// records December as paid; the page holds on a phone.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class SponsorBrowserTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_sponsor_adopts_waiting_workers_of_its_village_and_the_admin_records_the_payment()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        await RegistrySeed.AddAsync(app.Services);
        var account = await TestUsers.CreateAsync(app.Services, LindungRoles.Sponsor);
        var admin = await TestUsers.CreateAsync(app.Services, LindungRoles.RegionalAdmin);
        Guid sponsorId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var sponsor = new Sponsor { Name = "PT Sumber Rejeki (CSR)", Kind = SponsorKind.Csr, AccountEmail = account, VillageCodes = [RegistrySeed.Village], RegionCode = RegistrySeed.Region };
            db.Sponsors.Add(sponsor);
            // Two informal workers of the village: no job on record, no membership.
            db.Workers.AddRange(
                new Worker { Nik = "3577015505900003", Name = "Rina Lestari", RegionCode = RegistrySeed.Village },
                new Worker { Nik = "3577015505900004", Name = "Dewi Kartika", RegionCode = RegistrySeed.Village });
            await db.SaveChangesAsync();
            sponsorId = sponsor.Id;
        }

        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, account);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Bapak asuh", Exact = true }).ClickAsync();
        await page.ArriveAsync($"**/sponsors/{sponsorId}");
        var waiting = page.Locator("#pledge label[data-waiting]");
        // The seed's residents without a membership (Budi Santoso, Budi Hartono, Agus) have jobs on record: their employers register them, not a sponsor.
        Assert.Equal(2, await waiting.CountAsync());
        await Screenshots.SaveAsync(page, "sponsors-1-waiting");

        // "Rp400.000 for a year": 8,400 (December, PP 50/2025) + 11 x 16,800 = 193,200 a worker, so two workers, both ticked for the sponsor to confirm.
        await page.Locator("#budget-amount").FillAsync("400000");
        await page.Locator("#budget-months").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hitung", Exact = true }).ClickAsync();
        await page.Locator("[data-budget-workers='2']").WaitForAsync();
        Assert.Equal(2, await page.Locator("#pledge input[name='Workers']:checked").CountAsync());
        await page.Locator("#pledge-months").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Asuh pekerja terpilih" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        // Minimum package, other sector: December 2026 at Rp8,400 (PP 50/2025), January–November 2027 at Rp16,800; two workers.
        var pledged = 2 * (8_400L + 11 * 16_800);
        Assert.Equal(pledged.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("dd[data-pledged]").GetAttributeAsync("data-pledged"));
        Assert.Equal(2, await page.Locator("#sponsored tbody tr").CountAsync());
        Assert.Contains("Tidak ada pekerja yang menunggu", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("16800", await page.Locator("dd[data-due]").GetAttributeAsync("data-due"));
        Assert.Equal(0, await page.Locator("#ledger").CountAsync());
        await Screenshots.SaveAsync(page, "sponsors-2-pledged");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await page.Locator("dd[data-pledged]").WaitForAsync();
        await Screenshots.SaveAsync(page, "sponsors-3-phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the sponsor page scrolls sideways on a 390px screen");

        var adminPage = await browser.NewPageAsync(app.BaseAddress);
        await using var adminContext = adminPage.Context;
        await BrowserSignIn.SignInAsync(adminPage, admin);
        await adminPage.GotoAsync("/sponsors");
        await adminPage.Locator($"tr[data-sponsor='{sponsorId}'] a").ClickAsync();
        await adminPage.ArriveAsync($"**/sponsors/{sponsorId}");
        await adminPage.GetByLabel("Catat", new() { Exact = true }).SelectOptionAsync("paid");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Catat", Exact = true }).ClickAsync();
        await adminPage.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Equal("0", await adminPage.Locator("dd[data-due]").GetAttributeAsync("data-due"));
        Assert.Equal("16800", await adminPage.Locator("dd[data-paid]").GetAttributeAsync("data-paid"));

        await using var check = app.Services.CreateAsyncScope();
        var months = await check.ServiceProvider.GetRequiredService<LindungDbContext>().SponsoredMonths.Where(m => m.SponsorId == sponsorId).ToListAsync();
        Assert.Equal(24, months.Count);
        Assert.Equal(2, months.Count(m => m.PaidOn == new DateOnly(2026, 12, 4)));
    }
}
