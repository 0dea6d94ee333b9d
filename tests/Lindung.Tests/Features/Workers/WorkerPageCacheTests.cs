using Lindung.Data;
using Lindung.Features.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Workers;

public sealed class WorkerPageCacheTests
{
    [Fact]
    public void The_cache_is_on_by_default_and_the_Workers_setting_turns_it_off()
    {
        Assert.NotNull(Build([]).Pages);
        Assert.Null(Build(new() { ["Workers:ListCacheRows"] = "0" }).Pages);
    }

    private static WorkerPageCache Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // The cache labels pages with the database's version; nothing is read here.
        using var services = new ServiceCollection().AddLindungWorkers(configuration)
            .AddSingleton(DatabaseSettings.Sqlite(Path.GetTempPath())).AddSingleton<DatabaseVersion>().BuildServiceProvider();
        return services.GetRequiredService<WorkerPageCache>();
    }
}
