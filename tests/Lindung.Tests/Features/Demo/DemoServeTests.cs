using Lindung.Data;
using Lindung.Features.Demo;
using Lindung.Hosting;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lindung.Tests.Features.Demo;

/// <summary><c>lindung serve --demo</c>: the same Build + Start path, on a test server.</summary>
public sealed class DemoServeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Serve_demo_seeds_after_migrating_and_a_second_start_seeds_nothing()
    {
        using var temp = new TempDirectory();
        var options = new LindungHostOptions(temp.Path, "http://127.0.0.1:0", Demo: true);

        var first = await StartAsync(options);
        var second = await StartAsync(options);
        var plain = await StartAsync(options with { Demo = false });

        output.WriteLine(first.Result.ToString());
        Assert.True(first.Result.Seeded);
        Assert.Equal(first.Workers, first.Result.Workers);
        Assert.False(second.Result.Seeded);
        Assert.Equal(first.Workers, second.Workers);
        Assert.Equal(first.Result.OperatorAgencyId, second.Result.OperatorAgencyId);
        Assert.Null(plain.Result);

        // One sign-in per role, printed again on the second start, password file owner-only.
        // Two agency operators: the Pemda's and a madrasah's (a vertical institution keeps its own).
        Assert.Equal(LindungRoles.All.Count + 1, first.SignIns.Count);
        Assert.Equal(first.SignIns, second.SignIns);
        Assert.All(LindungRoles.All, role => Assert.Contains(first.SignIns, line => line.Contains(role, StringComparison.Ordinal)));
        var file = Path.Combine(temp.Path, DemoSignIns.FileName);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Theory]
    [InlineData("opd@demo.lindung.id", false)]
    [InlineData(DemoSignIns.Madrasah, true)]
    public async Task The_demo_agency_operators_sign_in_with_the_printed_password_and_see_one_agency(string email, bool vertical)
    {
        using var temp = new TempDirectory();
        var options = new LindungHostOptions(temp.Path, "http://127.0.0.1:0", Demo: true);
        await using var app = LindungWebApp.Build(options, [], builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        var line = app.Services.GetRequiredService<DemoSeedState>().SignIns.Single(l => l.Contains(email, StringComparison.Ordinal));
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        using var client = new HttpClient(new CookieHandler(app.GetTestServer().CreateHandler())) { BaseAddress = new Uri("http://localhost/") };
        using var signIn = await TestUsers.SignInAsync(client, parts[1], parts[2]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        var agencies = await client.GetStringAsync(new Uri("/api/v1/agencies", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(agencies);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(vertical, json.RootElement.GetProperty("items")[0].GetProperty("vertical").GetBoolean());
        await app.StopAsync();
    }

    private static async Task<(DemoSeedResult Result, int Workers, IReadOnlyList<string> SignIns)> StartAsync(LindungHostOptions options)
    {
        await using var app = LindungWebApp.Build(options, [], builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var state = app.Services.GetService<DemoSeedState>();
            return (state?.Result!, await db.Workers.CountAsync(), state?.SignIns ?? []);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
