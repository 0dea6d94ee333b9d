using Lindung.Data;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Tickets;

/// <summary>
/// In Chromium: an agency operator sends the branch a complaint with a scanned letter, the branch officer
/// finds it waiting on its list and answers, and the operator closes it with five stars; on a phone the
/// thread reads without sideways scrolling.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class TicketBrowserTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_agency_complains_the_branch_answers_and_the_agency_closes_it_with_five_stars()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var seed = await RegistrySeed.AddAsync(app.Services);
        var operatorEmail = await TestUsers.CreateAsync(app.Services, LindungRoles.AgencyOperator, seed.AgencyACode);
        var branchEmail = await TestUsers.CreateAsync(app.Services, LindungRoles.BranchOfficer, null, RegistrySeed.Region);

        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, operatorEmail);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Masukan", Exact = true }).ClickAsync();
        await page.ArriveAsync("**/tickets");
        await page.GetByText("Tulis tiket baru").ClickAsync();
        await page.Locator("#ticket-category").SelectOptionAsync("Pengaduan");
        await page.Locator("#ticket-subject").FillAsync("Kartu 12 honorer belum terbit");
        await page.Locator("#ticket-text").FillAsync("Sudah didaftarkan sejak Oktober.");
        await page.Locator("#ticket-files").SetInputFilesAsync(new FilePayload { Name = "surat.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n"u8, .. new byte[64]] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim ke kantor cabang" }).ClickAsync();
        await page.ArriveAsync("**/tickets/*?done=opened");
        var ticketUrl = page.Url.Split('?')[0];
        Assert.Equal("Open", await page.Locator("#ticket-status").GetAttributeAsync("data-status"));
        Assert.Equal(1, await page.Locator("#thread a[download='surat.pdf']").CountAsync());
        await Screenshots.SaveAsync(page, "tickets-1-operator-opened");

        var branch = await browser.NewPageAsync(app.BaseAddress);
        await using var branchContext = branch.Context;
        await BrowserSignIn.SignInAsync(branch, branchEmail);
        await branch.GotoAsync("/tickets");
        Assert.Equal("1", (await branch.Locator("#tickets-open").InnerTextAsync()).Trim());
        await branch.Locator("#tickets a").First.ClickAsync();
        await branch.ArriveAsync("**/tickets/*");
        await branch.Locator("#reply-text").FillAsync("Kartu sudah terbit; silakan unduh di aplikasi JMO.");
        await branch.GetByRole(AriaRole.Button, new() { Name = "Kirim balasan" }).ClickAsync();
        await branch.ArriveAsync("**/tickets/*?done=replied");
        Assert.Equal("Answered", await branch.Locator("#ticket-status").GetAttributeAsync("data-status"));
        await Screenshots.SaveAsync(branch, "tickets-2-branch-answered");

        await page.GotoAsync(ticketUrl);
        Assert.Contains("Kartu sudah terbit", await page.Locator("#thread").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Sangat puas").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tutup tiket" }).ClickAsync();
        await page.ArriveAsync("**/tickets/*?done=closed");
        Assert.Equal("5", await page.Locator("#ticket-stars").GetAttributeAsync("data-stars"));
        Assert.Equal(0, await page.Locator("#reply").CountAsync());

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Screenshots.SaveAsync(page, "tickets-3-operator-phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the ticket page scrolls sideways on a 390px screen");
    }
}
