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
/// records December as paid; the page holds on a phone. On a phone, a sponsor whose periods end this month reads what its columns
/// mean and decides what follows for each worker with one choice per row and one save.
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

    [Fact]
    public async Task On_a_phone_the_sponsor_chooses_what_follows_each_ending_period_and_saves_once()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var account = await TestUsers.CreateAsync(app.Services, LindungRoles.Sponsor);
        Guid sponsorId;
        Guid[] periods;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var sponsor = new Sponsor { Name = "PT Sumber Rejeki (CSR)", Kind = SponsorKind.Csr, AccountEmail = account, VillageCodes = [RegistrySeed.Village], RegionCode = RegistrySeed.Region };
            db.Sponsors.Add(sponsor);
            // Three workers funded January–December 2026, eleven months paid, none enrolled yet: on 4 December the period ends within 30 days.
            string[] names = ["Rina Lestari", "Dewi Kartika", "Sri Handayani"];
            var sponsorships = new List<Sponsorship>();
            for (var i = 0; i < names.Length; i++)
            {
                var worker = new Worker { Nik = $"357701550590000{i + 3}", Name = names[i], RegionCode = RegistrySeed.Village };
                var sponsorship = new Sponsorship
                {
                    SponsorId = sponsor.Id,
                    WorkerId = worker.Id,
                    FirstMonth = new DateOnly(2026, 1, 1),
                    Months = 12,
                    MonthlyIncome = 1_000_000,
                    Programs = "JKK,JKM",
                    PledgedOn = new DateOnly(2025, 12, 15),
                    RegionCode = RegistrySeed.Region,
                };
                db.Workers.Add(worker);
                db.Sponsorships.Add(sponsorship);
                db.SponsoredMonths.AddRange(Enumerable.Range(0, 12).Select(m => new SponsoredMonth
                {
                    SponsorshipId = sponsorship.Id,
                    SponsorId = sponsor.Id,
                    Month = new DateOnly(2026, 1 + m, 1),
                    Amount = 8_400,
                    PaidOn = m < 11 ? new DateOnly(2026, 1 + m, 20) : null,
                    RegionCode = RegistrySeed.Region,
                }));
                sponsorships.Add(sponsorship);
            }

            await db.SaveChangesAsync();
            sponsorId = sponsor.Id;
            periods = [.. sponsorships.Select(s => s.Id)];
        }

        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSignIn.SignInAsync(page, account);
        await page.GotoAsync($"/sponsors/{sponsorId}");

        // The months paid read as words and the status says who registers the worker.
        Assert.Equal("11 dari 12 bulan", (await page.Locator($"#sponsored tr[data-sponsorship='{periods[0]}'] td[data-months-paid]").InnerTextAsync()).Trim());
        Assert.Contains("Cabang BPJS Ketenagakerjaan yang mendaftarkannya", await page.Locator("#awaiting-registration").InnerTextAsync(), StringComparison.Ordinal);

        // One choice per worker and a single save; the third is left for later.
        Assert.Equal(3, await page.Locator("#handover select").CountAsync());
        Assert.Equal(1, await page.Locator("#handover button[type='submit']").CountAsync());
        await page.GetByLabel("Rina Lestari").SelectOptionAsync("renew");
        await page.GetByLabel("Dewi Kartika").SelectOptionAsync("self");
        await Screenshots.SaveAsync(page, "sponsors-4-handover-phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the handover reminder scrolls sideways on a 390px screen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan keputusan", Exact = true }).ClickAsync();
        var done = page.GetByRole(AriaRole.Status);
        await done.WaitForAsync();
        Assert.Contains("diperpanjang: 1, pekerja membayar sendiri: 1, diambil alih APBD: 0", await done.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal([periods[2].ToString()], await page.Locator("#handover li[data-expiring]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.expiring)"));

        // Saving with nothing chosen is refused by name and records nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan keputusan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "paling sedikit satu pekerja" }).WaitForAsync();

        await using var check = app.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<LindungDbContext>();
        var handed = await checkDb.Sponsorships.Where(s => periods.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.Handover, s.HandedOverOn));
        Assert.Equal((SponsorshipHandover.Renewed, new DateOnly(2026, 12, 4)), handed[periods[0]]);
        Assert.Equal((SponsorshipHandover.SelfPay, new DateOnly(2026, 12, 4)), handed[periods[1]]);
        Assert.Equal((null, null), handed[periods[2]]);
        // The renewal continues from January 2027 for another twelve months, priced like a pledge; each handover is audited.
        var rina = await checkDb.Sponsorships.SingleAsync(s => s.SponsorId == sponsorId && s.FirstMonth == new DateOnly(2027, 1, 1));
        Assert.Equal(12, rina.Months);
        Assert.Equal(12, await checkDb.SponsoredMonths.CountAsync(m => m.SponsorshipId == rina.Id));
        var audited = new[] { periods[0].ToString(), periods[1].ToString() };
        Assert.Equal(2, await checkDb.AuditEvents.CountAsync(e => e.EntityType == nameof(Sponsorship) && audited.Contains(e.EntityKey) && e.Action == AuditAction.Update && e.Actor == account));
    }
}
