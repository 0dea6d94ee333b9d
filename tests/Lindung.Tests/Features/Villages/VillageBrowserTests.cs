using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Villages;

/// <summary>
/// A regional admin in Chromium assigns an agency to a village from the villages menu, reads the village
/// page (five known residents, two enrolled, three waiting), enters its working-age population, ends the
/// fostering after confirming it and undoes the end; the village page holds on a phone.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class VillageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_assigns_a_village_reads_its_progress_enters_its_population_and_ends_then_undoes_the_fostering()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var seed = await RegistrySeed.AddAsync(app.Services);
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.RegionalAdmin);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, email);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Desa dampingan", Exact = true }).ClickAsync();
        await page.ArriveAsync("**/villages");
        Assert.Contains("Belum ada desa dampingan", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("OPD", new() { Exact = true }).SelectOptionAsync(seed.AgencyA.ToString());
        await page.GetByLabel("Desa/kelurahan").SelectOptionAsync(RegistrySeed.Village);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tetapkan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains("Dinas Pendidikan kini mendampingi", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        var row = page.Locator($"table.village-ranking tr[data-village='{RegistrySeed.Village}']");
        Assert.Contains("40", await row.InnerTextAsync(), StringComparison.Ordinal); // 2 of 5 known residents enrolled
        await Screenshots.SaveAsync(page, "villages-1-ranking");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.ArriveAsync($"**/villages/{RegistrySeed.Village}");
        Assert.Equal(("5", "2", "3"), (
            await page.Locator("dd[data-known]").GetAttributeAsync("data-known"),
            await page.Locator("dd[data-enrolled]").GetAttributeAsync("data-enrolled"),
            await page.Locator("dd[data-waiting]").GetAttributeAsync("data-waiting")));
        Assert.DoesNotContain(seed.Siti.Name, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Penduduk usia kerja desa ini").FillAsync("1250");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Equal("1250", await page.Locator("dd[data-population]").GetAttributeAsync("data-population"));

        // Ending needs a second, named confirmation; the history stays and the end can be undone.
        var assignment = page.Locator("table.village-agencies tbody tr").First;
        await assignment.Locator("summary").ClickAsync();
        await assignment.GetByLabel("Berakhir pada").FillAsync(DateTime.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await assignment.GetByRole(AriaRole.Button, new() { Name = "Ya, akhiri pendampingan oleh Dinas Pendidikan" }).ClickAsync();
        await page.Locator("table.village-agencies tbody tr[data-open='false']").WaitForAsync();
        await Screenshots.SaveAsync(page, "villages-2-ended");
        await page.GetByRole(AriaRole.Button, new() { Name = "Batalkan pengakhiran" }).ClickAsync();
        await page.Locator("table.village-agencies tbody tr[data-open='true']").WaitForAsync();

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/villages/{RegistrySeed.Village}");
        await page.Locator("dd[data-known]").WaitForAsync();
        await Screenshots.SaveAsync(page, "villages-3-phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the village page scrolls sideways on a 390px screen");
    }
}
