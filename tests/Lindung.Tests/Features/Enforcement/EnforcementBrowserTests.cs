using Lindung.Data;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Features.Licensing;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Enforcement;

/// <summary>
/// The walk in Chromium: a branch officer opens a case from a firm's PDS finding on its employer
/// page, issues both warnings (PDF letters), records the fine and requests TMP2T — after which the
/// licensing clerk's check for that firm answers TOLAK with SANCTIONED — and refers it to the Kejaksaan
/// Negeri, whose state attorney finds it under its menu and records an amount recovered; on a phone too.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class EnforcementBrowserTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_branch_takes_a_firm_from_its_finding_to_the_state_attorney_who_recovers_arrears()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        await LicenceCheckTests.SeedAsync(app.Services);
        var officer = await TestUsers.CreateAsync(app.Services, LindungRoles.BranchOfficer, null, "35.77");
        var clerk = await TestUsers.CreateAsync(app.Services, LindungRoles.LicensingOfficer, null, "35.77");
        var attorney = await TestUsers.CreateAsync(app.Services, LindungRoles.Prosecutor, null, "35.77");
        Guid employerId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            employerId = await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Employers.Where(e => e.Npp == "22222222").Select(e => e.Id).SingleAsync();
        }

        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, officer);
        await page.GotoAsync($"/employers/{employerId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka kasus penegakan dari temuan ini" }).ClickAsync();
        await page.ArriveAsync("**/enforcement/*?done=opened");
        // The frozen finding reads by name, its code kept for machines.
        Assert.Contains("PDS Tenaga Kerja", await page.Locator("#case-findings li[data-code='PDS_WORKERS']").InnerTextAsync(), StringComparison.Ordinal);

        foreach (var stage in new[] { "Teguran I", "Teguran II" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Tetapkan {stage} dan terbitkan suratnya" }).ClickAsync();
            await page.ArriveAsync("**?done=advanced");
        }

        await page.Locator("#contributions-due").FillAsync("10000000");
        await page.Locator("#months").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tetapkan Denda dan terbitkan suratnya" }).ClickAsync();
        await page.ArriveAsync("**?done=advanced");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tetapkan TMP2T dan terbitkan suratnya" }).ClickAsync();
        await page.ArriveAsync("**?done=advanced");
        await page.Locator("#case-sanctioned").WaitForAsync();
        var letters = page.Locator("#case-letters a");
        Assert.Equal(3, await letters.CountAsync());
        foreach (var href in await letters.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            var pdf = await page.Context.APIRequest.GetAsync(href);
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync())[..4], StringComparison.Ordinal);
        }

        await Screenshots.SaveAsync(page, "enforcement-1-tmp2t");
        var caseUrl = page.Url;

        var clerkPage = await browser.NewPageAsync(app.BaseAddress);
        await using var clerkContext = clerkPage.Context;
        await BrowserSignIn.SignInAsync(clerkPage, clerk);
        await clerkPage.GotoAsync("/licensing");
        await clerkPage.Locator("#type").SelectOptionAsync("PBG");
        await clerkPage.Locator("#identifier").FillAsync("22222222");
        await clerkPage.Locator("#application").FillAsync("PBG-2026-0100");
        await clerkPage.GetByRole(AriaRole.Button, new() { Name = "Periksa" }).ClickAsync();
        var decision = clerkPage.Locator("section.decision");
        await decision.WaitForAsync();
        Assert.Equal("TOLAK", await decision.GetAttributeAsync("data-outcome"));
        Assert.Equal(1, await decision.Locator("li[data-code='SANCTIONED']").CountAsync());
        await Screenshots.SaveAsync(clerkPage, "enforcement-2-licensing-refused");

        await page.Locator("#prosecutor-region").FillAsync("35.77");
        await page.Locator("#skk-number").FillAsync("SKK/017/KC-MADIUN/2026");
        await page.Locator("#skk-date").FillAsync("2026-12-03");
        await page.Locator("#state-attorney").FillAsync("Rina Kusumawati, S.H.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tetapkan Kejaksaan dan terbitkan suratnya" }).ClickAsync();
        await page.ArriveAsync("**?done=advanced");
        Assert.Equal(4, await letters.CountAsync());

        var attorneyPage = await browser.NewPageAsync(app.BaseAddress);
        await using var attorneyContext = attorneyPage.Context;
        await BrowserSignIn.SignInAsync(attorneyPage, attorney);
        await attorneyPage.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Penegakan", Exact = true }).ClickAsync();
        await attorneyPage.ArriveAsync("**/enforcement");
        await attorneyPage.Locator("#cases tbody tr a").First.ClickAsync();
        await attorneyPage.Locator("#action-note").FillAsync("Pemanggilan dan mediasi: tunggakan dibayar sebagian.");
        await attorneyPage.Locator("#action-amount").FillAsync("12500000");
        await attorneyPage.GetByRole(AriaRole.Button, new() { Name = "Simpan tindakan" }).ClickAsync();
        await attorneyPage.ArriveAsync("**?done=action");
        Assert.Contains("12.500.000", await attorneyPage.Locator("#case-recovered").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await attorneyPage.Locator("#advance-form, #close-form").CountAsync());

        await attorneyPage.SetViewportSizeAsync(390, 844);
        await attorneyPage.ReloadAsync();
        await Screenshots.SaveAsync(attorneyPage, "enforcement-3-attorney-phone");
        Assert.False(await attorneyPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the case page scrolls sideways on a 390px screen");
        Assert.Equal(caseUrl.Split('?')[0], attorneyPage.Url.Split('?')[0]);
    }

    [Fact]
    public async Task A_branch_opens_cases_in_bulk_from_the_employers_with_findings()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        await LicenceCheckTests.SeedAsync(app.Services);
        var officer = await TestUsers.CreateAsync(app.Services, LindungRoles.BranchOfficer, null, "35.77");

        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, officer);
        await page.GotoAsync("/enforcement");
        await page.Locator("#show-candidates").ClickAsync();
        await page.ArriveAsync("**/enforcement?candidates=true*");
        var boxes = page.Locator("#candidates input[type=checkbox]");
        var count = await boxes.CountAsync();
        Assert.True(count > 0, "no employer with findings offered");
        for (var i = 0; i < count; i++)
        {
            await boxes.Nth(i).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Buka kasus untuk yang dipilih" }).ClickAsync();
        await page.Locator("#bulk-results").WaitForAsync();
        Assert.Equal(count, await page.Locator("#bulk-results li a").CountAsync());
        Assert.Contains($"{count} kasus dibuka, 0 tidak dapat dibuka.", await page.Locator("#bulk-results").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "enforcement-bulk-opened");
        Assert.Equal(0, await page.Locator("#candidates input[type=checkbox]").CountAsync());

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/enforcement?candidates=true");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the docket scrolls sideways on a 390px screen");
    }

    [Fact]
    public async Task A_regional_admin_writes_a_letter_template_and_is_told_which_placeholder_is_unknown()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var admin = await TestUsers.CreateAsync(app.Services, LindungRoles.RegionalAdmin, null, "35.77");

        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, admin);
        await page.GotoAsync("/admin/enforcement-settings");
        await page.Locator("#template-kind").SelectOptionAsync("skkcover");
        await page.Locator("form:has(#template-kind) button").ClickAsync();
        await page.ArriveAsync("**kind=skkcover*");
        Assert.Equal("Penyerahan Surat Kuasa Khusus Nomor {nomor_skk}", await page.Locator("#template-subject").InputValueAsync());
        await page.Locator("#template-placeholders summary").ClickAsync();
        Assert.Contains("{kejari}", await page.Locator("#template-placeholders").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#template-paragraphs").FillAsync("Bersama ini kami serahkan SKK {nomor_skk} kepada {jaksa} untuk {perusahaan}:\n\nDemikian kami sampaikan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan templat" }).ClickAsync();
        var refusal = page.Locator("[role=alert]");
        await refusal.WaitForAsync();
        Assert.Contains("Tempat isian {jaksa} tidak dikenal untuk surat ini.", await refusal.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "enforcement-template-refused");

        await page.Locator("#template-paragraphs").FillAsync("Bersama ini kami serahkan SKK {nomor_skk} kepada {jpn} untuk {perusahaan}:\n\nDemikian kami sampaikan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan templat" }).ClickAsync();
        await page.ArriveAsync("**done=saved*");
        Assert.Contains("Penyerahan Surat Kuasa Khusus Nomor {nomor_skk}", await page.Locator("#template-versions").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Bersama ini kami serahkan SKK {nomor_skk} kepada {jpn}", await page.Locator("#template-paragraphs").InputValueAsync(), StringComparison.Ordinal);
        Assert.Equal("2026-12-05", await page.Locator("#template-from").InputValueAsync()); // the next version can start tomorrow at the earliest
        await Screenshots.SaveAsync(page, "enforcement-template-saved");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Screenshots.SaveAsync(page, "enforcement-template-phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the settings page scrolls sideways on a 390px screen");
    }
}
