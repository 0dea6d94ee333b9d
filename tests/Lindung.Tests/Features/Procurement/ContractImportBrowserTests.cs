using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Procurement;

/// <summary>
/// A commitment officer in Chromium uploads the agency's contract file on /contracts and reads the
/// counts; the agency's operator then sees the contracts left unprotected and the value at risk on
/// the agency page.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ContractImportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Upload_a_contract_file_see_the_counts_and_the_value_at_risk_on_the_agency_page()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var seed = await RegistrySeed.AddAsync(app.Services);
        var officer = await TestUsers.CreateAsync(app.Services, LindungRoles.ProcurementOfficer, seed.AgencyBCode);
        var operatorEmail = await TestUsers.CreateAsync(app.Services, LindungRoles.AgencyOperator, seed.AgencyBCode);
        var file = Path.Combine(app.DataDirectory, "kontrak-rsud.csv");
        await File.WriteAllLinesAsync(file, [
            "Nomor Kontrak,Penyedia,Jenis Kontrak,Nilai Kontrak,Tanggal Mulai,Tanggal Selesai,Kode Lokasi",
            $"SPK/RSUD/2026/01,{RegistrySeed.EmployerNpp},Pekerjaan Konstruksi,\"Rp 1.250.000.000\",2026-03-01,2026-10-31,{RegistrySeed.Village}",
            $"SPK/RSUD/2026/02,{RegistrySeed.EmployerNpp},Pengadaan Barang,Rp 80.000.000,2026-02-01,2026-02-28,{RegistrySeed.Village}",
        ]);

        var page = await browser.NewPageAsync(app.BaseAddress);
        await using (var context = page.Context)
        {
            await BrowserSignIn.SignInAsync(page, officer);
            await page.GotoAsync("/contracts");
            await page.Locator("#contract-import summary").ClickAsync();
            await page.Locator("#import-file").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Impor kontrak" }).ClickAsync();
            var result = page.Locator("#import-result");
            await result.WaitForAsync();
            Assert.Equal("true", await result.GetAttributeAsync("data-committed"));
            Assert.Equal("2", await result.Locator("[data-count='new']").InnerTextAsync());
            Assert.Equal("0", await result.Locator("[data-count='unchanged']").InnerTextAsync());
            Assert.Equal(2, await page.Locator("tr[data-contract]").CountAsync());
            await Screenshots.SaveAsync(page, "contracts-import");
        }

        var agencyPage = await browser.NewPageAsync(app.BaseAddress);
        await using (var context = agencyPage.Context)
        {
            await BrowserSignIn.SignInAsync(agencyPage, operatorEmail);
            await agencyPage.GotoAsync($"/agencies/{seed.AgencyB}");
            var risk = agencyPage.Locator("#contract-risk");
            await risk.WaitForAsync();
            Assert.Equal("1250000000", await risk.GetAttributeAsync("data-value-at-risk"));
            Assert.Equal("1", await risk.GetAttributeAsync("data-unprotected"));
            Assert.Contains("SPK/RSUD/2026/01", await risk.InnerTextAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("SPK/RSUD/2026/02", await risk.InnerTextAsync(), StringComparison.Ordinal);
            await Screenshots.SaveAsync(agencyPage, "agency-value-at-risk");
        }
    }
}
