using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Budget;

/// <summary>
/// A leader plans next year's budget in Chromium: the example groups priced on arrival, a third group
/// added in an empty row, a refused count named by its row, the workbook downloaded, and the page on a phone.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class BudgetBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_leader_prices_groups_adds_one_sees_a_refusal_by_row_and_downloads_the_workbook()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader, null, "35.77");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, email);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Anggaran", Exact = true }).ClickAsync();
        await page.ArriveAsync("**/budget");
        var total = page.Locator(".budget-result dd[data-total]");
        var exampleTotal = long.Parse((await total.GetAttributeAsync("data-total"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["Guru ngaji", "Honorer DLH"], await page.Locator("table.budget-groups tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.group)"));
        await Screenshots.SaveAsync(page, "budget-1-example");

        // The legal basis reads in the page's language, and the chart keeps its height under the content security policy.
        Assert.Contains("iuran JKM BPU", await page.ContentAsync(), StringComparison.Ordinal);
        await page.Locator(".chart-box canvas[data-rendered='true']").First.WaitForAsync();
        Assert.InRange(await page.Locator(".chart-box").First.EvaluateAsync<double>("box => box.getBoundingClientRect().height"), 270, 290);

        // A third group in the first empty row: 20 ojek drivers paying for themselves at Rp2,000,000.
        var row = page.Locator("fieldset.budget-group[data-row='3']");
        await row.GetByLabel("Kelompok", new() { Exact = true }).FillAsync("Ojek pangkalan");
        await row.GetByLabel("Jumlah pekerja").FillAsync("20");
        await row.GetByLabel("Upah (PU) / penghasilan (BPU) sebulan, Rp").FillAsync("2000000");
        await row.GetByLabel("Pembayar").SelectOptionAsync("SELF");
        await row.GetByLabel("Pekerjaan (BPU)").SelectOptionAsync("transport");
        await row.GetByLabel("JKK", new() { Exact = true }).CheckAsync();
        await row.GetByLabel("JKM", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hitung" }).ClickAsync();
        await page.Locator("table.budget-groups tr[data-group='Ojek pangkalan']").WaitForAsync();
        var withOjek = long.Parse((await total.GetAttributeAsync("data-total"))!, System.Globalization.CultureInfo.InvariantCulture);
        var ojek = long.Parse((await page.Locator("tr[data-group='Ojek pangkalan'] td[data-amount]").GetAttributeAsync("data-amount"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(exampleTotal + ojek, withOjek);
        Assert.Equal("SELF", await page.Locator("dd[data-payer='SELF']").GetAttributeAsync("data-payer"));
        await Screenshots.SaveAsync(page, "budget-2-three-groups");

        // An income under the BPU minimum (which the browser cannot know) is refused by row; nothing is priced.
        var amount = page.Locator("fieldset.budget-group[data-row='1']").GetByLabel("Upah (PU) / penghasilan (BPU) sebulan, Rp");
        await amount.FillAsync("750000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hitung" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("Kelompok 1: Penghasilan 750,000 di bawah penghasilan minimum BPU 1,000,000", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".budget-result").CountAsync());
        Assert.Equal("750000", await amount.InputValueAsync());
        await Screenshots.SaveAsync(page, "budget-3-refused");
        await amount.FillAsync("1000000");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Unduh XLSX untuk RKA" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var sheets = Lindung.Features.Spreadsheets.XlsxReader.SheetNames((await download.PathAsync())!);
        Assert.Equal(["Kelompok", "Per bulan", "Dasar hukum"], sheets);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/budget");
        await total.WaitForAsync();
        await Screenshots.SaveAsync(page, "budget-4-phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the budget page scrolls sideways on a 390px screen");
    }
}
