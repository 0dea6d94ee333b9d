using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Pickers;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class RegionPickerBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Region_fields_are_lists_of_the_users_own_regions_chosen_already_when_there_is_one()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var oneRegion = await TestUsers.CreateAsync(app.Services, LindungRoles.RegionalAdmin, null, "35.77");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, oneRegion);

        await page.GotoAsync("/reconciliation");
        var region = page.Locator("select#region");
        Assert.Equal("35.77", await region.InputValueAsync());
        Assert.Equal(1, await region.Locator("option").CountAsync());
        Assert.Contains("(35.77)", await region.Locator("option").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/imports");
        await page.Locator("select#kind").SelectOptionAsync("MEMBERS");
        Assert.Equal("35.77", await page.Locator("select#region").InputValueAsync());

        await page.GotoAsync("/admin/targets");
        Assert.Equal("35.77", await page.Locator("select#region").InputValueAsync());
        await page.SetViewportSizeAsync(390, 844);
        await Screenshots.SaveAsync(page, "region-picker-phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the picker widens a 390px screen");
    }

    [Fact]
    public async Task An_admin_of_two_regions_chooses_one_and_the_run_starts_for_it()
    {
        await using var app = await LindungAppFactory.StartKestrelAsync();
        var twoRegions = await TestUsers.CreateAsync(app.Services, LindungRoles.RegionalAdmin, null, "35.77", "35.19");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await using var context = page.Context;
        await BrowserSignIn.SignInAsync(page, twoRegions);

        await page.GotoAsync("/reconciliation");
        var region = page.Locator("select#region");
        Assert.Equal(string.Empty, await region.InputValueAsync());
        Assert.Equal(["", "35.19", "35.77"], await region.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));

        await page.Locator("select#agency").SelectOptionAsync(string.Empty);
        await region.SelectOptionAsync("35.77");
        await page.Locator("form.stack button.primary").ClickAsync();
        await page.WaitForLoadStateAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var run = Assert.Single(await db.ReconciliationRuns.AsNoTracking().ToListAsync());
        Assert.Equal("35.77", run.RegionCode);
        Assert.Null(run.AgencyId);
    }
}
