using System.Globalization;
using Npgsql;

namespace Lindung.Tests.Infrastructure;

/// <summary>
/// A fresh, uniquely named database on the <see cref="TestEnvironment.PostgresConnectionString"/> server,
/// dropped on dispose. Use it as <c>IClassFixture&lt;PostgresDatabase&gt;</c> (created before the first
/// test of a class, dropped after the last), or for one test as
/// <c>await using var database = await PostgresDatabase.CreateAsync();</c>.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime, IAsyncDisposable
{
    private NpgsqlDataSource? _dataSource;

    public PostgresDatabase()
    {
        Name = "lindung_test_" + Guid.NewGuid().ToString("N")[..16];
    }

    /// <summary>The database name (lower case, safe to use unquoted).</summary>
    public string Name { get; }

    /// <summary>Connection string for <see cref="Name"/>, same server, credentials and settings as <see cref="TestEnvironment.PostgresConnectionString"/>.</summary>
    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The database fixture has not been initialized.");

    /// <summary>Creates the database now; dispose the result to drop it.</summary>
    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        return database;
    }

    public ValueTask<NpgsqlConnection> OpenConnectionAsync() => DataSource.OpenConnectionAsync();

    public async Task InitializeAsync()
    {
        await using (var connection = await OpenAdminAsync())
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = ServerConnectionString();
        builder.Database = Name;
        ConnectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>Drops the database; safe to call more than once.</summary>
    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            _dataSource = null;
        }

        if (ConnectionString.Length == 0)
        {
            return;
        }

        // Close the idle pooled connections others (EF, the app under test) opened with this string.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        ConnectionString = "";
        await using var connection = await OpenAdminAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static NpgsqlConnectionStringBuilder ServerConnectionString()
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"{TestEnvironment.PostgresVariable} is not a valid Npgsql connection string: {ex.Message}", ex);
        }
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var builder = ServerConnectionString();
        // Admin work goes through its own short-lived, unpooled connections.
        builder.Pooling = false;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            throw TestEnvironment.Unreachable(
                "PostgreSQL",
                string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}: {ex.Message}"),
                ex);
        }
    }
}
