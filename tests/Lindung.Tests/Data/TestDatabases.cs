using System.Collections.Concurrent;
using Lindung.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lindung.Tests.Data;

/// <summary>
/// The PostgreSQL server named by env LINDUNG_TEST_PG (an Npgsql connection string for a role that
/// may create databases). Missing or unreachable is a test failure with a clear message, never a skip.
/// </summary>
internal static class TestPostgres
{
    public const string EnvironmentVariable = "LINDUNG_TEST_PG";

    public static async Task<EmptyPostgresDatabase> CreateDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. PostgreSQL tests need it, e.g. " +
                $"{EnvironmentVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");
        }

        var name = $"lindung_test_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            var target = new NpgsqlConnectionStringBuilder(admin) { Password = null };
            throw new InvalidOperationException(
                $"Cannot create a test database on PostgreSQL from {EnvironmentVariable} ({target.Host}:{target.Port}): {ex.Message}", ex);
        }

        return new EmptyPostgresDatabase(admin, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, name);
    }
}

/// <summary>A uniquely named, initially empty PostgreSQL database, dropped on dispose.</summary>
internal sealed class EmptyPostgresDatabase(string adminConnectionString, string connectionString, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A fresh folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"lindung-test-{Guid.NewGuid():N}")).FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}

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
    private EmptyPostgresDatabase? _database;

    internal override async Task<DatabaseSettings> CreateAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        return new DatabaseSettings(DatabaseProvider.Postgres, _database.ConnectionString);
    }

    internal override ValueTask DropAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
