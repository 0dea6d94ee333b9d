using Lindung.Data;

namespace Lindung.Features.Demo;

/// <summary>The outcome of the demo seeding at startup, for <c>lindung serve</c> to report (and demo sign-ins to use).</summary>
internal sealed class DemoSeedState
{
    public DemoSeedResult? Result { get; set; }

    /// <summary>Demo sign-ins to print: role, email and password per line.</summary>
    public IReadOnlyList<string> SignIns { get; set; } = [];
}

/// <summary>
/// Seeds the demo region when the host starts. Registered after <see cref="DatabaseMigrator"/>;
/// hosted services start in registration order, so the schema exists.
/// </summary>
internal sealed partial class DemoSeedService(
    DatabaseSettings settings, TimeProvider clock, DemoSeedState state, IServiceProvider services, ILogger<DemoSeedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        state.Result = await DemoSeeder.SeedAsync(settings, clock, new DemoOptions(), cancellationToken);
        LogSeeded(logger, state.Result);
        state.SignIns = await DemoSignIns.EnsureAsync(services, state.Result, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Result}")]
    private static partial void LogSeeded(ILogger logger, DemoSeedResult result);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class DemoServiceCollectionExtensions
{
    /// <summary>Seeds the demo region on first start; call after the database migrator is registered.</summary>
    public static IServiceCollection AddDemoRegion(this IServiceCollection services)
    {
        services.AddSingleton<DemoSeedState>();
        services.AddHostedService<DemoSeedService>();
        return services;
    }
}
