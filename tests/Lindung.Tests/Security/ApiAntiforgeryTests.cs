using System.Net;
using System.Text;
using System.Text.Json;
using Lindung.Data;
using Lindung.Security;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Security;

/// <summary>
/// An unsafe API request authenticated by the sign-in cookie needs the antiforgery token in the
/// X-CSRF-TOKEN header, so another site cannot make a signed-in browser write; API keys need none.
/// </summary>
public sealed class ApiAntiforgeryTests
{
    private const string NewAgency = """{"code":"OPD-X","name":"Dinas Lain","kind":"DINAS","region_code":"35.77"}""";

    [Fact]
    public async Task A_cookie_write_from_a_foreign_origin_without_the_token_is_refused_and_changes_nothing()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        using var browser = world.App.CreateClient(apiAntiforgery: false);
        var email = await TestUsers.CreateAsync(world.App.Services, LindungRoles.RegionalAdmin, null, ApiWorld.Region);
        using (var signIn = await TestUsers.SignInAsync(browser, email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var forged = Post("/api/v1/agencies?lang=en", NewAgency);
        forged.Headers.Add("Origin", "https://evil.example");
        using var refused = await browser.SendAsync(forged);
        using var wrongToken = Post("/api/v1/agencies", NewAgency);
        wrongToken.Headers.Add(ApiAntiforgery.HeaderName, "not-a-token");
        using var refusedToo = await browser.SendAsync(wrongToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(ApiAntiforgery.Code, problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("X-CSRF-TOKEN", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refusedToo.StatusCode);
        await using var scope = world.App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Agencies.AnyAsync(a => a.Code == "OPD-X"));
    }

    [Fact]
    public async Task A_cookie_write_with_the_token_of_a_Lindung_page_goes_through()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        using var browser = await world.ClientAsync(LindungRoles.RegionalAdmin);

        // The test client reads the token from the layout's csrf-token meta tag, as a page script would.
        using var created = await browser.SendAsync(Post("/api/v1/agencies", NewAgency));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Api_key_writes_need_no_token_and_reads_with_the_cookie_need_none_either()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        var (keyClient, _) = await world.KeyClientAsync(LindungRoles.RegionalAdmin);
        using var _ = keyClient;
        using var browser = world.App.CreateClient(apiAntiforgery: false);
        var email = await TestUsers.CreateAsync(world.App.Services, LindungRoles.RegionalAdmin, null, ApiWorld.Region);
        using (var signIn = await TestUsers.SignInAsync(browser, email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var created = await keyClient.SendAsync(Post("/api/v1/agencies", NewAgency));
        using var read = await browser.GetAsync(new Uri("/api/v1/agencies", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private static HttpRequestMessage Post(string path, string json) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
