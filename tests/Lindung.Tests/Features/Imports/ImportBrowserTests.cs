using Lindung.Data;
using Lindung.Features.Imports;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// An agency operator in Chromium: uploads a roster whose NIK header no alias knows, maps it, watches
/// the job page (reloading it while the import waits), sees the result and downloads the report.
/// The real runner does the import; a gate in front of it holds the job at "running" long enough to reload.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ImportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Upload_map_watch_reload_and_download_the_report()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await LindungAppFactory.StartKestrelAsync(builder =>
        {
            builder.Services.AddScoped<ImportRunner>();
            builder.Services.AddScoped<IImportRunner>(sp => new GatedRunner(sp.GetRequiredService<ImportRunner>(), gate.Task));
        });
        var seed = await RegistrySeed.AddAsync(app.Services);
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.AgencyOperator, seed.AgencyBCode);
        var roster = Path.Combine(app.DataDirectory, "daftar-honorer.csv");
        await File.WriteAllLinesAsync(roster, [
            ImportCsv.RosterHeader.Replace("nik,", "NOMOR INDUK,", StringComparison.Ordinal),
            ImportCsv.RosterLine(21, agency: seed.AgencyBCode),
            ImportCsv.RosterLine(22, agency: seed.AgencyBCode),
            ImportCsv.RosterLine(23, wage: 0, agency: seed.AgencyBCode),
        ]);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;

        await BrowserSignIn.SignInAsync(page, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Impor", Exact = true }).ClickAsync();
        await page.GetByLabel("Berkas", new() { Exact = true }).SetInputFilesAsync(roster);
        await page.GetByLabel("Hanya baris yang valid").CheckAsync();
        await Screenshots.SaveAsync(page, "import-1-upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mulai impor" }).ClickAsync();

        await page.ArriveAsync("**/mapping");
        Assert.Contains("Pekerja 22", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Kolom wajib “nik”").SelectOptionAsync("NOMOR INDUK");
        await Screenshots.SaveAsync(page, "import-2-mapping");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan pemetaan dan mulai impor" }).ClickAsync();

        await page.Locator("[data-status='RUNNING']").WaitForAsync();
        await page.ReloadAsync();
        Assert.Equal("Sedang berjalan", await page.Locator("[data-status]").InnerTextAsync());
        Assert.True(await page.Locator("progress").IsVisibleAsync());
        await Screenshots.SaveAsync(page, "import-3-running");

        gate.SetResult();
        // The page's poll reloads it when the plan is ready: nothing is saved before it is confirmed.
        await page.Locator("[data-status='AWAITING_CONFIRMATION']").WaitForAsync();
        var plan = await page.Locator("#plan").InnerTextAsync();
        Assert.Contains("Belum ada yang disimpan", plan, StringComparison.Ordinal);
        Assert.Contains("Tidak ada pekerja yang diakhiri", plan, StringComparison.Ordinal);
        Assert.Contains("tahap: selesai", await page.Locator("#progress-text").InnerTextAsync(), StringComparison.Ordinal);
        // The rows left out are shown before anything is confirmed (valid-rows-only mode).
        Assert.Contains("upah", await page.Locator("#plan table").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "import-3b-plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi dan simpan" }).ClickAsync();
        await page.Locator("[data-status='SUCCEEDED']").WaitForAsync();
        var result = await page.Locator("#result").InnerTextAsync();
        Assert.Contains("Baris salah", result, StringComparison.Ordinal);
        Assert.Contains("upah", await page.Locator("#result table").InnerTextAsync(), StringComparison.Ordinal);
        await page.ReloadAsync();
        Assert.Equal("Berhasil", await page.Locator("[data-status]").InnerTextAsync());
        await Screenshots.SaveAsync(page, "import-4-done");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Unduh laporan baris (CSV)" }).ClickAsync());
        var saved = Path.Combine(app.DataDirectory, "downloaded-report.csv");
        await download.SaveAsAsync(saved);
        Assert.Contains("upah", await File.ReadAllTextAsync(saved), StringComparison.Ordinal);

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Screenshots.SaveAsync(page, "import-5-phone");
    }

    [Fact]
    public async Task A_replace_shows_whom_it_ends_needs_the_agency_code_and_can_be_undone()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var seed = await RegistrySeed.AddAsync(app.Services);
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.AgencyOperator, seed.AgencyBCode);
        var roster = Path.Combine(app.DataDirectory, "daftar-baru.csv");
        await File.WriteAllLinesAsync(roster, [ImportCsv.RosterHeader, ImportCsv.RosterLine(21, agency: seed.AgencyBCode)]);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;

        await BrowserSignIn.SignInAsync(page, email);
        await page.GotoAsync("/imports");
        Assert.True(await page.GetByLabel("Perbarui: tambah dan ubah pekerja di berkas; tidak ada yang diakhiri").IsCheckedAsync());
        await page.GetByLabel("Berkas", new() { Exact = true }).SetInputFilesAsync(roster);
        await page.GetByLabel("Ganti seluruh daftar: pekerja yang tidak ada di berkas diakhiri").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mulai impor" }).ClickAsync();

        await page.Locator("[data-status='AWAITING_CONFIRMATION']").WaitForAsync();
        var ended = await page.Locator("#plan-ended-list").InnerTextAsync();
        Assert.Contains(seed.Agus.Name, ended, StringComparison.Ordinal);
        Assert.Contains(seed.Agus.MaskedNik, ended, StringComparison.Ordinal);
        Assert.DoesNotContain(seed.Agus.Nik, ended, StringComparison.Ordinal);
        Assert.Equal("3", await page.Locator("#plan-ended").InnerTextAsync());
        Assert.Contains("lebih dari batas 20%", await page.Locator("#plan").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "import-replace-1-plan");

        // A wrong code is refused by name; nothing is saved.
        await page.GetByLabel("Kode instansi").FillAsync("SALAH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi dan simpan" }).ClickAsync();
        Assert.Equal("AGENCY_CODE_MISMATCH", await page.Locator("[data-code]").GetAttributeAsync("data-code"));
        Assert.True(await OpenJobsAsync(app, seed.AgencyB) == 3);

        await page.GetByLabel("Kode instansi").FillAsync(seed.AgencyBCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi dan simpan" }).ClickAsync();
        await page.Locator("[data-status='SUCCEEDED']").WaitForAsync();
        Assert.Equal(1, await OpenJobsAsync(app, seed.AgencyB));
        await Screenshots.SaveAsync(page, "import-replace-2-done");

        await page.GetByRole(AriaRole.Button, new() { Name = "Batalkan impor ini" }).ClickAsync();
        await page.Locator("#undone").WaitForAsync();
        Assert.Equal(3, await OpenJobsAsync(app, seed.AgencyB));
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Screenshots.SaveAsync(page, "import-replace-3-undone-phone");
    }

    private static async Task<int> OpenJobsAsync(LindungTestApp app, Guid agency)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Employments, e => e.AgencyId == agency && e.ValidTo == null);
    }

    /// <summary>Reports that it started, then holds the real runner until the gate opens.</summary>
    private sealed class GatedRunner(IImportRunner inner, Task gate) : IImportRunner
    {
        public async Task<ImportOutcome> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            var size = new FileInfo(request.FilePath).Length;
            progress?.Report(new ImportProgress("validating", 1, size / 3, size));
            await gate.WaitAsync(cancellationToken);
            return await inner.RunAsync(request, progress, cancellationToken);
        }
    }
}
