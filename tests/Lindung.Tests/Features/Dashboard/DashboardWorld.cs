using Lindung.Data;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Dashboard;

/// <summary>A running app on SQLite or PostgreSQL holding <see cref="CoverageData"/>.</summary>
internal sealed class DashboardWorld : IAsyncDisposable
{
    private readonly PostgresDatabase? _postgres;

    private DashboardWorld(LindungTestApp app, PostgresDatabase? postgres, CoverageData data, DateOnly today)
    {
        App = app;
        _postgres = postgres;
        Data = data;
        Today = today;
    }

    public LindungTestApp App { get; }

    public CoverageData Data { get; }

    public DateOnly Today { get; }

    /// <summary>The <c>--db</c> argument the CLI needs to reach the same database, or null for SQLite in the data folder.</summary>
    public string? ConnectionString => _postgres?.ConnectionString;

    public static TheoryData<string> Providers => ApiWorld.Providers;

    public static async Task<DashboardWorld> StartAsync(string provider, int seed = 7, Action<WebApplicationBuilder>? configure = null)
    {
        var postgres = provider == nameof(DatabaseProvider.Postgres) ? await PostgresDatabase.CreateAsync() : null;
        var app = await LindungAppFactory.StartTestServerAsync(configure, db: postgres?.ConnectionString);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var data = CoverageData.Generate(seed, today);
        await data.SaveAsync(app.Services);
        return new DashboardWorld(app, postgres, data, today);
    }

    /// <summary>Runs <paramref name="action"/> with a fresh DbContext of the app.</summary>
    public async Task<T> WithDbAsync<T>(Func<LindungDbContext, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<LindungDbContext>());
    }

    /// <summary>The global options that point the CLI at this app's database.</summary>
    public string[] DatabaseArgs => ConnectionString is null ? ["--data", App.DataDirectory] : ["--db", ConnectionString];

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
