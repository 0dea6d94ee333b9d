using Lindung.Data;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Groups;

/// <summary>
/// An agency operator in Chromium creates a Quran teachers' group for its agency from the menu, uploads
/// a member list with one bad NIK (nothing saved, the row named, the report offered), uploads it again
/// with valid rows only, and reads the members and the monthly cost to enrol them; the page holds on a phone.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class GroupBrowserTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_operator_creates_a_group_and_imports_its_members_with_the_bad_row_named()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync(b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var seed = await RegistrySeed.AddAsync(app.Services);
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.AgencyOperator, seed.AgencyACode);
        var list = Path.Combine(app.DataDirectory, "guru-ngaji.csv");
        await File.WriteAllLinesAsync(list, [
            "NIK,Nama,Pekerjaan,Penghasilan",
            $"{Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1975, 1, 2), Lindung.Domain.Identifiers.Sex.L, 31)},Ustadz Hasan,Guru ngaji,",
            $"{Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1978, 2, 3), Lindung.Domain.Identifiers.Sex.P, 32)},Ustadzah Aminah,Guru ngaji,1500000",
            "12345,Tanpa NIK,Guru ngaji,",
        ]);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, email);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Kelompok", Exact = true }).ClickAsync();
        await page.ArriveAsync("**/groups");
        await page.GetByLabel("Nama kelompok").FillAsync("Guru Ngaji Oro-oro Ombo");
        await page.GetByLabel("Jenis").SelectOptionAsync("guru_ngaji");
        await page.GetByLabel("Desa/kelurahan").FillAsync(RegistrySeed.Village);
        await page.GetByLabel("Pembayar iuran").SelectOptionAsync("APBD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat", Exact = true }).ClickAsync();
        await page.ArriveAsync("**/groups/*");
        Assert.Contains("Kelompok dibuat", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Berkas", new() { Exact = true }).SetInputFilesAsync(list);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah", Exact = true }).ClickAsync();
        await page.Locator("#import-result").WaitForAsync();
        Assert.Equal("false", await page.Locator("#import-result").GetAttributeAsync("data-committed"));
        Assert.Contains("4", await page.Locator("#import-issues tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Unduh laporan baris (CSV)" }).CountAsync());
        Assert.Equal("0", await page.Locator("dd[data-members]").GetAttributeAsync("data-members"));

        await page.GetByLabel("Berkas", new() { Exact = true }).SetInputFilesAsync(list);
        await page.GetByLabel("Hanya baris yang valid").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah", Exact = true }).ClickAsync();
        await page.Locator("#import-result[data-committed='true']").WaitForAsync();
        Assert.Equal("2", await page.Locator("dd[data-members]").GetAttributeAsync("data-members"));
        // APBD pays, so no discount: Hasan at the minimum (10,000 + 6,800), Aminah at Rp1,500,000 (15,000 + 6,800).
        Assert.Equal("38600", await page.Locator("dd[data-cost]").GetAttributeAsync("data-cost"));
        Assert.Equal(2, await page.Locator("#members tbody tr[data-enrolled='false']").CountAsync());
        await Screenshots.SaveAsync(page, "groups-1-members");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(page.Url);
        await page.Locator("dd[data-members]").WaitForAsync();
        await Screenshots.SaveAsync(page, "groups-2-phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the group page scrolls sideways on a 390px screen");
    }
}
