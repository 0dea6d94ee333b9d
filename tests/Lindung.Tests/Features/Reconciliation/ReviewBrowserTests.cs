using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Reconciliation;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Reconciliation;

/// <summary>
/// A branch officer in Chromium: runs a reconciliation of the agency whose roster holds Eko (twin
/// cards with the same name and birth date), compares both candidates on the review queue, accepts
/// one, runs again from the agency's gap page, and finds the decision remembered: Eko is out of the
/// queue and covered, so absent from the gap list.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ReviewBrowserTests(BrowserFixture browser)
{
    private static readonly PageLocatorOptions Eko = new() { HasText = "Eko Prasetyo" };

    [Fact]
    public async Task Compare_the_twins_accept_one_and_the_next_run_remembers_it()
    {
        await using var world = await ReconcileWorld.StartAsync(nameof(DatabaseProvider.Sqlite), kestrel: true);
        var email = await TestUsers.CreateAsync(world.App.Services, LindungRoles.BranchOfficer, null, ReconcileWorld.Region);
        var page = await browser.NewPageAsync(world.App.BaseAddress);
        await using var context = page.Context;

        await BrowserSignIn.SignInAsync(page, email);
        await page.GotoAsync("/reconciliation");
        await page.GetByLabel("Instansi", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = world.AgencyA.Name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Jalankan rekonsiliasi" }).ClickAsync();
        // Queued in the background: the page polls the run and reloads with the counts when it is done.
        await page.GetByText("Rekonsiliasi selesai: 6 pekerja dicocokkan, 1 perlu diperiksa.").WaitForAsync(new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "review-1-run-finished");

        await page.GetByRole(AriaRole.Link, new() { Name = "Antrean pemeriksaan (1 menunggu)" }).ClickAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Alert).CountAsync());
        var eko = page.Locator("section.review", Eko);
        var pairs = eko.Locator("table.pair");
        Assert.Equal(2, await pairs.CountAsync());
        foreach (var (kpj, twin) in new[] { (ReconcileWorld.EkoKpj1, world.EkoTwin1), (ReconcileWorld.EkoKpj2, world.EkoTwin2) })
        {
            var pair = eko.Locator("table.pair", new() { HasText = $"Peserta KPJ {kpj}" });
            Assert.True(await pair.IsVisibleAsync(), $"candidate {kpj} is shown");
            // Roster and member side by side: the roster's placeholder NIK beside the card's real one.
            var nikRow = await pair.Locator("tr", new() { HasText = "NIK" }).InnerTextAsync();
            Assert.Contains(world.Eko.Nik, nikRow, StringComparison.Ordinal);
            Assert.Contains(twin.Nik, nikRow, StringComparison.Ordinal);
        }

        await Screenshots.SaveAsync(page, "review-2-twins");
        await eko.GetByRole(AriaRole.Button, new() { Name = $"Terima {ReconcileWorld.EkoKpj2}" }).ClickAsync();
        await page.GetByText("Pasangan diterima: kepesertaan ditautkan ke pekerja.").WaitForAsync();
        Assert.Equal(0, await page.Locator("section.review", Eko).CountAsync());
        Assert.True(await page.GetByText("Tidak ada yang perlu diperiksa.").IsVisibleAsync());

        await page.GotoAsync($"/reconciliation/gaps/{world.AgencyA.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jalankan rekonsiliasi" }).ClickAsync();
        await page.GetByText("Rekonsiliasi selesai: 6 pekerja dicocokkan, 0 perlu diperiksa.").WaitForAsync(new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "review-3-second-run");

        await page.GotoAsync("/reconciliation/review");
        Assert.Equal(0, await page.Locator("section.review", Eko).CountAsync());
        await page.GotoAsync($"/reconciliation/gaps/{world.AgencyA.Id}");
        var gaps = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Budi Hartono", gaps, StringComparison.Ordinal);
        Assert.DoesNotContain("Eko Prasetyo", gaps, StringComparison.Ordinal);
        await page.SetViewportSizeAsync(390, 844);
        await Screenshots.SaveAsync(page, "review-4-gaps-phone");

        var (scope, db) = world.Database();
        await using var _ = scope;
        var latest = await db.ReconciliationRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).FirstAsync();
        var ekoResult = await db.ReconciliationResults.AsNoTracking().SingleAsync(r => r.RunId == latest.Id && r.WorkerId == world.Eko.Id);
        Assert.Equal((ReconcileOutcome.CoveredActive, ReconcileWorld.EkoKpj2), (ekoResult.Outcome, ekoResult.Kpj));
        Assert.Equal(ReconciliationRunStatus.Succeeded, latest.Status);
    }
}
