using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Workers;

/// <summary>An agency operator's day in Chromium: sign in, find a worker, open the agency roster, on a desktop and a phone.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class RegistryBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Sign_in_search_a_worker_and_open_the_agency_page()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var seed = await RegistrySeed.AddAsync(app.Services);
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.RegionalAdmin);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;

        await BrowserSignIn.SignInAsync(page, email);
        await Screenshots.SaveAsync(page, "registry-1-signed-in");
        Assert.Equal("Beranda", await page.GetByRole(AriaRole.Link, new() { Name = "Beranda" }).InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Pekerja", Exact = true }).ClickAsync();
        await page.ArriveAsync("**/workers");
        await page.GetByLabel("Cari pekerja berdasarkan NIK atau nama").FillAsync("budi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari" }).ClickAsync();
        await page.ArriveAsync("**/workers?q=budi");
        var rows = page.Locator("table.responsive tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains(seed.BudiSantoso.MaskedNik, await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "registry-2-worker-search");

        await page.GetByRole(AriaRole.Link, new() { Name = "Instansi/OPD", Exact = true }).First.ClickAsync();
        await page.ArriveAsync("**/agencies");
        await page.GetByRole(AriaRole.Link, new() { Name = "RSUD Kota Madiun", Exact = true }).ClickAsync();
        await page.ArriveAsync($"**/agencies/{seed.AgencyB}");
        Assert.Equal("RSUD Kota Madiun · Lindung", await page.TitleAsync());
        // One table of the roster, a filter per category (Kontrak, Harian lepas, Outsourcing) beside "Semua".
        Assert.Equal(3, await page.Locator("#roster tbody tr").CountAsync());
        Assert.Equal(4, await page.Locator("nav.chips a").CountAsync());
        await Screenshots.SaveAsync(page, "registry-3-agency-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Agus Prasetyo" }).ClickAsync();
        await page.ArriveAsync($"**/workers/{seed.Agus.Id}");
        Assert.Contains(seed.Agus.Nik, await page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "registry-5-worker-page");
    }

    [Fact]
    public async Task Admin_agency_form_shows_a_region_error_in_place()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.RegionalAdmin);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;

        await BrowserSignIn.SignInAsync(page, email);
        await page.GotoAsync("/admin/agencies");
        await page.GetByLabel("Kode", new() { Exact = true }).FillAsync("DINSOS");
        await page.GetByLabel("Nama instansi").FillAsync("Dinas Sosial");
        await page.GetByLabel("Kode wilayah (Kemendagri)").FillAsync("99.99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        Assert.Contains("Kode wilayah tidak dikenal", await alert.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "registry-6-admin-agency-error");

        await page.GetByLabel("Kode wilayah (Kemendagri)").FillAsync("35.77");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains("Dinas Sosial", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "registry-7-admin-agency-saved");
    }

    [Fact]
    public async Task Agency_page_reads_well_on_a_phone()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var seed = await RegistrySeed.AddAsync(app.Services);
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.AgencyOperator, seed.AgencyBCode);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await page.SetViewportSizeAsync(390, 844);

        await BrowserSignIn.SignInAsync(page, email);
        await page.GotoAsync($"/agencies/{seed.AgencyB}");

        // On a phone each row becomes a card whose cells carry their column name.
        var cell = page.Locator("td[data-label='Upah sebulan']").First;
        Assert.Equal("flex", await cell.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("none", await page.Locator("table.responsive thead").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await Screenshots.SaveAsync(page, "registry-4-agency-page-phone");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways on a 390px screen");
    }
}
