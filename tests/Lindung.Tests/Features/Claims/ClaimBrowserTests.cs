using Lindung.Data;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Claims;

/// <summary>
/// An agency operator in Chromium records the fatal work accident of an honorer who was never enrolled
/// and reads what it leaves the agency (48 × wage + 12 jt + 10 jt), then uploads the branch's extract with
/// the heirs' JHT claim; the leader reads the same liability
/// beside the claims without the worker's name; the page holds on a phone.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ClaimBrowserTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_agency_records_an_uncovered_fatal_accident_and_the_leader_sees_its_liability()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var seed = await RegistrySeed.AddAsync(app.Services);
        var operatorEmail = await TestUsers.CreateAsync(app.Services, LindungRoles.AgencyOperator, seed.AgencyACode);
        var leader = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader, null, RegistrySeed.Region);

        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, operatorEmail);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Klaim", Exact = true }).ClickAsync();
        await page.ArriveAsync("**/claims");
        await page.GetByText("Catat klaim").ClickAsync();
        await page.Locator("#claim-nik").FillAsync(seed.BudiSantoso.Nik);
        await page.Locator("#claim-kind").SelectOptionAsync("jkk");
        await page.GetByLabel("Pekerja meninggal dunia").CheckAsync();
        await page.Locator("#claim-event").FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan klaim" }).ClickAsync();
        await page.ArriveAsync("**/claims?done=recorded");
        // Staf TU on Rp1,750,000: 48 × 1,750,000 + 12,000,000 + 10,000,000.
        Assert.Equal("106000000", await page.Locator("#claims [data-liability]").GetAttributeAsync("data-liability"));
        Assert.Contains("106.000.000", await page.Locator("#uncovered").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "claims-1-operator");

        // The branch's extract then brings the heirs' JHT claim for the same worker, under the branch's number.
        var extract = Path.Combine(app.DataDirectory, "klaim-cabang.csv");
        await File.WriteAllLinesAsync(extract, ["No Klaim,NIK,Jenis Klaim,Tgl Kejadian,Tgl Pengajuan,Status", $"KLM/UI/1,{seed.BudiSantoso.Nik},JHT,20/11/2026,23/11/2026,Diajukan"]);
        await page.Locator("#claim-import summary").ClickAsync();
        await page.Locator("#import-file").SetInputFilesAsync(extract);
        await page.GetByRole(AriaRole.Button, new() { Name = "Impor klaim", Exact = true }).ClickAsync();
        var imported = page.Locator("#import-result");
        await imported.WaitForAsync();
        Assert.Equal(("true", "1"), (await imported.GetAttributeAsync("data-committed"), await imported.Locator("[data-count='new']").InnerTextAsync()));
        Assert.Equal(1, await page.Locator("#claims [data-claim-number='KLM/UI/1']").CountAsync());
        await Screenshots.SaveAsync(page, "claims-1b-import");

        var leaderPage = await browser.NewPageAsync(app.BaseAddress);
        await using var leaderContext = leaderPage.Context;
        await BrowserSignIn.SignInAsync(leaderPage, leader);
        await leaderPage.GotoAsync("/claims");
        Assert.Contains("106.000.000", await leaderPage.Locator("#uncovered").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Budi Santoso", await leaderPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await leaderPage.Locator("#record-claim").CountAsync());

        await leaderPage.SetViewportSizeAsync(390, 844);
        await leaderPage.ReloadAsync();
        await Screenshots.SaveAsync(leaderPage, "claims-2-leader-phone");
        Assert.False(await leaderPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the claims page scrolls sideways on a 390px screen");
    }
}
