using System.Text.Json;
using Lindung.Data;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Licensing;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Certificates;

/// <summary>
/// The licensing clerk's path in Chromium, end to end: find a firm by NIB, a TOLAK with its reason
/// for a firm with unregistered workers, an IZINKAN and a certificate for a compliant one, its PDF,
/// its verify page, the CLI on the same token (keys in a configured folder, as the web app has
/// them), a revocation on the employer page, and the licensing page on a phone.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ClerkBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_clerk_refuses_one_firm_certifies_another_and_the_certificate_verifies_until_revoked()
    {
        var keyFolder = Directory.CreateTempSubdirectory("lindung-signing-keys-").FullName;
        var settings = new Dictionary<string, string?> { ["Certificates:KeyFolder"] = keyFolder };
        try
        {
            await using var app = await LindungAppFactory.StartKestrelAsync(builder => builder.Configuration.AddInMemoryCollection(settings));
            await LicenceCheckTests.SeedAsync(app.Services);
            var email = await TestUsers.CreateAsync(app.Services, LindungRoles.LicensingOfficer, null, "35.77");
            var page = await browser.NewPageAsync(app.BaseAddress);
            await using var context = page.Context;
            await BrowserSignIn.SignInAsync(page, email);

            // Find the firm by its NIB.
            await Menu(page).GetByRole(AriaRole.Link, new() { Name = "Pemberi kerja", Exact = true }).ClickAsync();
            await page.ArriveAsync("**/employers");
            await page.GetByLabel("Cari berdasarkan nama, NPP, NIB atau NPWP").FillAsync(LicenceCheckTests.MissingWorkersNib);
            await page.GetByRole(AriaRole.Button, new() { Name = "Cari" }).ClickAsync();
            await page.ArriveAsync($"**/employers?q={LicenceCheckTests.MissingWorkersNib}");
            Assert.Equal(["CV Separuh Daftar"], await page.Locator("table.responsive tbody tr td:first-child").AllInnerTextsAsync());

            // TOLAK with its reason, and no certificate on offer.
            await Menu(page).GetByRole(AriaRole.Link, new() { Name = "Cek perizinan", Exact = true }).ClickAsync();
            await page.ArriveAsync("**/licensing");
            await CheckAsync(page, "PB_UMKU", LicenceCheckTests.MissingWorkersNib, "NIB/2026/001");
            var decision = page.Locator("section.decision");
            Assert.Equal("TOLAK", await decision.GetAttributeAsync("data-outcome"));
            Assert.Contains("1 dari 2 pekerja", await decision.Locator("li[data-code='PDS_WORKERS']").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan surat keterangan kepatuhan" }).CountAsync());
            await Screenshots.SaveAsync(page, "clerk-1-tolak");

            // IZINKAN for the compliant firm, then the certificate.
            await CheckAsync(page, "PBG", LicenceCheckTests.CompliantNib, "PBG/2026/002");
            Assert.Equal("IZINKAN", await decision.GetAttributeAsync("data-outcome"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan surat keterangan kepatuhan" }).ClickAsync();
            var issued = page.Locator("section.issued-certificate");
            await issued.WaitForAsync();
            Assert.Contains("diterbitkan", await issued.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
            var id = Guid.Parse(await issued.Locator(".certificate-id").InnerTextAsync());
            var validUntil = DateTime.UtcNow.AddDays(30).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
            Assert.Contains(validUntil, await issued.InnerTextAsync(), StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, "clerk-2-issued");

            var download = await page.RunAndWaitForDownloadAsync(() => issued.GetByRole(AriaRole.Link, new() { Name = "Unduh PDF" }).ClickAsync());
            var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
            Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
            Assert.True(pdf.Length > 5_000, $"the PDF has only {pdf.Length} bytes");
            using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
            {
                Assert.Contains("PT Patuh Selalu", string.Concat(document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
            }

            var verifyUrl = (await issued.Locator("a[data-verify]").GetAttributeAsync("href"))!;
            var token = verifyUrl[(verifyUrl.LastIndexOf('/') + 1)..];
            await issued.Locator("a[data-verify]").ClickAsync();
            await page.ArriveAsync("**/verifikasi/**");
            await AssertVerdictAsync(page, "VALID", "Sah");
            await Screenshots.SaveAsync(page, "clerk-3-verify-valid");

            // The CLI finds the keys where the web app keeps them (Certificates:KeyFolder), not in the data folder.
            var cli = await VerifyAsync(settings, app.DataDirectory, verifyUrl);
            Assert.True(cli.ExitCode == 0, cli.Out + cli.Error);
            Assert.Equal((true, "VALID"), (cli.Json.GetProperty("valid").GetBoolean(), cli.Json.GetProperty("status").GetString()));
            Assert.Equal("PT Patuh Selalu", cli.Json.GetProperty("employer").GetProperty("name").GetString());
            Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "certificate-keys")));

            var tampered = await VerifyAsync(settings, app.DataDirectory, Tamper(token));
            Assert.Equal(1, tampered.ExitCode);
            Assert.Equal((false, "FORGED"), (tampered.Json.GetProperty("valid").GetBoolean(), tampered.Json.GetProperty("status").GetString()));
            Assert.Equal(JsonValueKind.Null, tampered.Json.GetProperty("employer").ValueKind);
            Assert.Equal(string.Empty, tampered.Error);

            // Revoke on the employer page: the reason is required there.
            await page.GotoAsync("/employers?q=" + LicenceCheckTests.CompliantNib);
            await page.GetByRole(AriaRole.Link, new() { Name = "PT Patuh Selalu" }).ClickAsync();
            var row = page.Locator($"tr[data-certificate='{id}']");
            Assert.Equal("VALID", await row.GetAttributeAsync("data-status"));
            await row.Locator("summary").ClickAsync();
            var reason = row.GetByLabel("Alasan pencabutan (wajib)");
            Assert.True(await reason.EvaluateAsync<bool>("e => e.required"));
            // Past the browser's own check, the server refuses a blank reason by name.
            await reason.EvaluateAsync("e => e.removeAttribute('required')");
            await reason.FillAsync("   ");
            await row.GetByRole(AriaRole.Button, new() { Name = "Cabut surat keterangan ini" }).ClickAsync();
            Assert.Contains("Tuliskan alasan pencabutan", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("VALID", await row.GetAttributeAsync("data-status"));
            await row.GetByLabel("Alasan pencabutan (wajib)").FillAsync("Ditemukan pekerja belum terdaftar");
            await row.GetByRole(AriaRole.Button, new() { Name = "Cabut surat keterangan ini" }).ClickAsync();
            await page.ArriveAsync($"**/employers/*?revoked={id}*");
            Assert.Equal("REVOKED", await row.GetAttributeAsync("data-status"));
            Assert.Contains("Dicabut", await row.InnerTextAsync(), StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, "clerk-4-revoked");

            await page.GotoAsync(verifyUrl);
            await AssertVerdictAsync(page, "REVOKED", "Dicabut");
            await Screenshots.SaveAsync(page, "clerk-5-verify-revoked");
            var revoked = await VerifyAsync(settings, app.DataDirectory, token);
            Assert.Equal((1, "REVOKED"), (revoked.ExitCode, revoked.Json.GetProperty("status").GetString()));

            // On a phone the licensing page, with a decision and a new certificate, never scrolls sideways.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/licensing");
            await CheckAsync(page, "PBG", LicenceCheckTests.CompliantNib, "PBG/2026/003");
            await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan surat keterangan kepatuhan" }).ClickAsync();
            await issued.WaitForAsync();
            await Screenshots.SaveAsync(page, "clerk-6-licensing-phone");
            Assert.False(await OverflowsAsync(page), "the licensing page scrolls sideways on a 390px screen");
            await page.GotoAsync($"/employers?q={LicenceCheckTests.CompliantNib}");
            await page.GetByRole(AriaRole.Link, new() { Name = "PT Patuh Selalu" }).ClickAsync();
            await page.Locator("#certificates tbody tr").First.WaitForAsync();
            await Screenshots.SaveAsync(page, "clerk-7-employer-phone");
            Assert.False(await OverflowsAsync(page), "the employer page scrolls sideways on a 390px screen");
        }
        finally
        {
            Directory.Delete(keyFolder, recursive: true);
        }
    }

    private static ILocator Menu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });

    private static async Task CheckAsync(IPage page, string type, string identifier, string application)
    {
        await page.GetByLabel("Jenis izin").SelectOptionAsync(type);
        await page.GetByLabel("NPP, NIB atau NPWP pemohon").FillAsync(identifier);
        await page.GetByLabel("Nomor permohonan").FillAsync(application);
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa", Exact = true }).ClickAsync();
        await page.Locator($"section.decision:has-text('{application}')").WaitForAsync();
    }

    private static async Task AssertVerdictAsync(IPage page, string status, string words)
    {
        var verdict = page.Locator("section.verification");
        Assert.Equal(status, await verdict.GetAttributeAsync("data-status"));
        Assert.Equal(words, await verdict.Locator("h2 .badge").InnerTextAsync());
    }

    private static Task<bool> OverflowsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    /// <summary>One character in the middle of the signature changed: still well-formed base64url, no longer the signature.</summary>
    private static string Tamper(string token)
    {
        var at = token.LastIndexOf('.') + 20;
        return string.Concat(token.AsSpan(0, at), token[at] == 'A' ? "B" : "A", token.AsSpan(at + 1));
    }

    private static async Task<(int ExitCode, string Out, string Error, JsonElement Json)> VerifyAsync(
        IReadOnlyDictionary<string, string?> settings, string dataDirectory, string token)
    {
        var run = await CliRun.ExecuteWithConfigurationAsync(settings, "certificate", "verify", token, "--data", dataDirectory);
        using var json = JsonDocument.Parse(run.Out);
        return (run.ExitCode, run.Out, run.Error, json.RootElement.Clone());
    }
}
