using Lindung.Data;
using Lindung.Features.Demo;
using Lindung.Hosting;
using Lindung.Tests.Data;
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
    }

    private static async Task<(DemoSeedResult Result, int Workers)> StartAsync(LindungHostOptions options)
    {
        await using var app = LindungWebApp.Build(options, [], builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            return (app.Services.GetService<DemoSeedState>()?.Result!, await db.Workers.CountAsync());
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
