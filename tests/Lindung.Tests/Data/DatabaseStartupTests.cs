using Lindung.Data;
using Lindung.Hosting;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Data;

/// <summary>What <c>lindung serve</c> does with the database: the same Build + Start path, on a test server.</summary>
public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Serve_creates_and_migrates_lindung_db_in_the_data_folder()
    {
        using var temp = new TempDirectory();
        var dataDirectory = Path.Combine(temp.Path, "not-yet-created");

        var provider = await StartAndInspectAsync(new LindungHostOptions(dataDirectory, "http://127.0.0.1:0", Demo: false));

        Assert.Equal(typeof(SqliteLindungDbContext), provider);
        Assert.True(File.Exists(Path.Combine(dataDirectory, DatabaseSettings.SqliteFileName)));
    }

    [Fact]
    public async Task Serve_with_db_option_migrates_postgres()
    {
        using var temp = new TempDirectory();
        await using var database = await PostgresDatabase.CreateAsync();

        var provider = await StartAndInspectAsync(new LindungHostOptions(temp.Path, "http://127.0.0.1:0", Demo: false, Db: database.ConnectionString));

        Assert.Equal(typeof(PostgresLindungDbContext), provider);
        Assert.False(File.Exists(Path.Combine(temp.Path, DatabaseSettings.SqliteFileName)));
    }

    [Fact]
    public void Settings_prefer_option_then_environment_then_configuration_then_sqlite()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Lindung"] = "Host=from-config" })
            .Build();
        var empty = new ConfigurationBuilder().Build();
        static string? NoEnv(string _) => null;
        static string? Env(string name) => name == DatabaseSettings.EnvironmentVariable ? "Host=from-env" : null;

        Assert.Equal("Host=from-option", DatabaseSettings.Resolve("/d", "Host=from-option", configuration, Env).ConnectionString);
        Assert.Equal("Host=from-env", DatabaseSettings.Resolve("/d", null, configuration, Env).ConnectionString);
        Assert.Equal("Host=from-config", DatabaseSettings.Resolve("/d", null, configuration, NoEnv).ConnectionString);
        var fallback = DatabaseSettings.Resolve("/d", null, empty, NoEnv);
        Assert.Equal(DatabaseProvider.Sqlite, fallback.Provider);
        Assert.Contains(Path.Combine("/d", "lindung.db"), fallback.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("from-option", DatabaseSettings.Resolve("/d", "Host=h;Password=from-option", empty, NoEnv).ToString(), StringComparison.Ordinal);
    }

    private static async Task<Type> StartAndInspectAsync(LindungHostOptions options)
    {
        await using var app = LindungWebApp.Build(options, [], builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            return db.GetType();
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
