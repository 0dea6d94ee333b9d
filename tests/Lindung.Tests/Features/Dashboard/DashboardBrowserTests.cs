using System.Globalization;
using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lindung.Tests.Features.Dashboard;

/// <summary>A leader opens the dashboard in Chromium: the headline number is the test's own count and every chart is drawn.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_leader_dashboard_draws_its_charts_with_the_right_headline()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var data = CoverageData.Generate(seed: 11, today);
        await data.SaveAsync(app.Services);
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;

        await BrowserSignIn.SignInAsync(page, email);
        await page.GotoAsync("/dashboard");

        var covered = data.ByAgency(today).Values.Sum(v => v.Covered);
        Assert.Equal(covered.ToString("N0", CultureInfo.GetCultureInfo("id-ID")), await page.GetByTestId("covered").InnerTextAsync());

        var charts = page.Locator("canvas[data-chart]");
        var count = await charts.CountAsync();
        Assert.True(count >= 2, $"expected the trend and ranking charts, found {count} canvases");
        await page.Locator("canvas[data-chart]:not([data-rendered='true'])").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        for (var i = 0; i < count; i++)
        {
            // Chart.js drew something: the canvas has a size and some non-transparent pixels.
            var painted = await charts.Nth(i).EvaluateAsync<int>(
                "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let k = 3; k < d.length; k += 4) if (d[k] > 0) n++; return n; }");
            Assert.True(painted > 500, $"chart {i} has only {painted} painted pixels");
        }

        // The next-steps card fills itself from /api/v1/actions after the page has drawn.
        await page.Locator("#next-steps[data-loaded]").WaitForAsync();
        Assert.NotEqual("error", await page.Locator("#next-steps").GetAttributeAsync("data-loaded"));
        Assert.Equal(
            int.Parse(await page.Locator("#next-steps").GetAttributeAsync("data-loaded") ?? "0", CultureInfo.InvariantCulture) switch { 0 => 0, var n => Math.Min(5, n) },
            await page.Locator("#next-steps ol li").CountAsync());
        await Screenshots.SaveAsync(page, "dashboard-1-leader");
    }
}
