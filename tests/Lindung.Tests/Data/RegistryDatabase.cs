using System.Collections.Concurrent;
using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lindung.Tests.Data;

/// <summary>The actor the audit interceptor records; tests set it.</summary>
internal sealed class TestAuditActor : IAuditActor
{
    public string Name { get; set; } = SystemAuditActor.SystemName;
}

/// <summary>
/// A migrated registry database shared by one test class, with the real service registration
/// (<see cref="DatabaseServiceCollectionExtensions.AddLindungDatabase"/>) and every log line captured.
/// </summary>
public abstract class RegistryDatabase : IAsyncLifetime
{
    private readonly ConcurrentBag<IServiceScope> _scopes = [];
    private ServiceProvider? _services;

    internal TestAuditActor Actor { get; } = new();

    internal ConcurrentQueue<string> Logs { get; } = new();

    internal DatabaseSettings Settings { get; private set; } = null!;

    /// <summary>The registered services (singletons such as <see cref="DatabaseVersion"/>).</summary>
    internal IServiceProvider Services => _services!;

    internal abstract Task<DatabaseSettings> CreateAsync();

    internal abstract ValueTask DropAsync();

    public async Task InitializeAsync()
    {
        Settings = await CreateAsync();
        _services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(Logs)))
            .AddSingleton<IAuditActor>(Actor)
            .AddLindungDatabase(Settings)
            .BuildServiceProvider();
        await _services.MigrateLindungDatabaseAsync();
    }

    /// <summary>A new context in its own scope, as one request would get.</summary>
    internal LindungDbContext NewContext()
    {
        var scope = _services!.CreateScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<LindungDbContext>();
    }

    public async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await DropAsync();
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }
}

/// <summary>xunit disposes a fixture as <see cref="IAsyncLifetime"/> first, then as <see cref="IDisposable"/>: the folder goes last.</summary>
public sealed class SqliteRegistryDatabase : RegistryDatabase, IDisposable
{
    private readonly TempDirectory _directory = new();

    internal override Task<DatabaseSettings> CreateAsync() => Task.FromResult(DatabaseSettings.Sqlite(_directory.Path));

    internal override ValueTask DropAsync() => ValueTask.CompletedTask;

    public void Dispose() => _directory.Dispose();
}

public sealed class PostgresRegistryDatabase : RegistryDatabase
{
    private PostgresDatabase? _database;

    internal override async Task<DatabaseSettings> CreateAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        return new DatabaseSettings(DatabaseProvider.Postgres, _database.ConnectionString);
    }

    internal override async ValueTask DropAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
