using System.Globalization;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Features.Imports;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Field;

/// <summary>
/// One vulnerable worker's whole way through the programme, each step by the role that takes it, in
/// Chromium: a field officer captures her on a phone without signal and marks her willing; the
/// village's sponsor adopts her for a year; the branch's membership extract, uploaded by the regional
/// admin, enrols her; the admin records the sponsor's first month as paid. The field officer's
/// pipeline then counts her as paid, and nothing else was created on the way.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class VulnerableWorkerJourneyBrowserTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_phone_capture_made_offline_becomes_a_sponsored_enrolled_and_paid_member()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var officer = await TestUsers.CreateAsync(app.Services, LindungRoles.FieldOfficer, null, RegistrySeed.Village);
        var sponsorAccount = await TestUsers.CreateAsync(app.Services, LindungRoles.Sponsor);
        var admin = await TestUsers.CreateAsync(app.Services, LindungRoles.RegionalAdmin, null, RegistrySeed.Region);
        Guid sponsorId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var sponsor = new Sponsor { Name = "BAZNAS Kota Madiun", Kind = SponsorKind.Zakat, AccountEmail = sponsorAccount, VillageCodes = [RegistrySeed.Village], RegionCode = RegistrySeed.Region };
            db.Sponsors.Add(sponsor);
            await db.SaveChangesAsync();
            sponsorId = sponsor.Id;
        }

        var nik = Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1984, 3, 9), Lindung.Domain.Identifiers.Sex.P, 71);

        // 1. The field officer, on a phone with no signal.
        var phone = await browser.NewPageAsync(app.BaseAddress);
        await using var phoneContext = phone.Context;
        await phone.SetViewportSizeAsync(390, 844);
        await BrowserSignIn.SignInAsync(phone, officer);
        await phone.GotoAsync("/field");
        await phone.Locator("#field-connection[data-state='online']").WaitForAsync();
        await phone.WaitForFunctionAsync("async () => !!(await navigator.serviceWorker.getRegistration('/field'))");
        await phoneContext.SetOfflineAsync(true);
        await phone.Locator("#field-connection[data-state='offline']").WaitForAsync();
        await phone.Locator("#field-nik").FillAsync(nik);
        await phone.Locator("#field-name").FillAsync("Sulastri");
        await phone.Locator("#field-consent").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await phone.Locator("#field-queue-count[data-count='1']").WaitForAsync();
        await phoneContext.SetOfflineAsync(false);
        await phone.Locator("#field-queue-count[data-count='0']").WaitForAsync(new() { Timeout = 30_000 });

        await phone.GotoAsync("/leads");
        var lead = phone.Locator("#leads tbody tr").Filter(new() { HasText = "Sulastri" });
        Assert.Equal("Captured", await lead.GetAttributeAsync("data-stage"));
        await lead.GetByRole(AriaRole.Button, new() { Name = "Bersedia", Exact = true }).ClickAsync();
        await phone.Locator("#leads tbody tr[data-stage='Willing']").WaitForAsync();

        // 2. The village's sponsor finds her waiting and adopts her for twelve months.
        var sponsorPage = await browser.NewPageAsync(app.BaseAddress);
        await using var sponsorContext = sponsorPage.Context;
        await BrowserSignIn.SignInAsync(sponsorPage, sponsorAccount);
        await sponsorPage.GotoAsync($"/sponsors/{sponsorId}");
        var waiting = sponsorPage.Locator("#pledge label[data-waiting]");
        Assert.Equal(1, await waiting.CountAsync());
        Assert.Contains("Sulastri", await waiting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(nik, await sponsorPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await waiting.Locator("input[name='Workers']").CheckAsync();
        await sponsorPage.Locator("#pledge-months").FillAsync("12");
        await sponsorPage.GetByRole(AriaRole.Button, new() { Name = "Asuh pekerja terpilih" }).ClickAsync();
        await sponsorPage.GetByRole(AriaRole.Status).WaitForAsync();
        // Minimum BPU package, other sector: December 2026 at Rp8,400 (PP 50/2025), then eleven months at Rp16,800.
        Assert.Equal((8_400L + (11 * 16_800)).ToString(CultureInfo.InvariantCulture), await sponsorPage.Locator("dd[data-pledged]").GetAttributeAsync("data-pledged"));

        // 3. The branch's extract enrols her: the regional admin uploads it.
        var adminPage = await browser.NewPageAsync(app.BaseAddress);
        await using var adminContext = adminPage.Context;
        await BrowserSignIn.SignInAsync(adminPage, admin);
        var extract = Path.Combine(app.DataDirectory, "ekstrak-bpu.csv");
        await File.WriteAllLinesAsync(extract, [
            ImportCsv.MembersHeader,
            $"26120000071,{nik},SULASTRI,1984-03-09,P,BPU,,AKTIF,JKK+JKM,1000000,2026-12",
        ]);
        await adminPage.GotoAsync("/imports");
        await adminPage.Locator("#kind").SelectOptionAsync("MEMBERS");
        await adminPage.GetByLabel("Berkas", new() { Exact = true }).SetInputFilesAsync(extract);
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Mulai impor" }).ClickAsync();
        var done = adminPage.Locator("[data-status='SUCCEEDED']");
        var plan = adminPage.Locator("[data-status='AWAITING_CONFIRMATION']");
        await done.Or(plan).First.WaitForAsync(new() { Timeout = 30_000 });
        if (await plan.IsVisibleAsync())
        {
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi dan simpan" }).ClickAsync();
            await done.WaitForAsync(new() { Timeout = 30_000 });
        }

        // 4. The admin records the sponsor's first month as paid.
        await adminPage.GotoAsync($"/sponsors/{sponsorId}");
        await adminPage.GetByLabel("Catat", new() { Exact = true }).SelectOptionAsync("paid");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Catat", Exact = true }).ClickAsync();
        await adminPage.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Equal("8400", await adminPage.Locator("dd[data-paid]").GetAttributeAsync("data-paid"));

        // The field officer's pipeline follows her from captured to paid.
        await phone.ReloadAsync();
        Assert.Equal("Paid", await phone.Locator("#leads tbody tr").Filter(new() { HasText = "Sulastri" }).GetAttributeAsync("data-stage"));
        Assert.Equal("1", (await phone.Locator($"#pipeline tr[data-village='{RegistrySeed.Village}'] td").Last.InnerTextAsync()).Trim());
        // The officer may not open village pages, so its pipeline names the village without a link that would be refused.
        Assert.Equal(0, await phone.Locator("#pipeline a[href^='/villages/']").CountAsync());
        await Screenshots.SaveAsync(phone, "journey-paid-phone");

        // One person throughout: one lead, one worker, one membership, one sponsorship.
        await using var check = app.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<LindungDbContext>();
        var worker = await db2.Workers.SingleAsync(w => w.Nik == nik);
        Assert.Equal(worker.Id, (await db2.FieldLeads.SingleAsync()).WorkerId);
        Assert.Equal(worker.Id, (await db2.Memberships.SingleAsync()).WorkerId);
        Assert.Equal(worker.Id, (await db2.Sponsorships.SingleAsync()).WorkerId);
    }
}
