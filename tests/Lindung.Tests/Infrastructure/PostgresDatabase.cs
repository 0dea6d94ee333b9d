using System.Globalization;
using Npgsql;

namespace Lindung.Tests.Infrastructure;

/// <summary>
/// A fresh, uniquely named database on the <see cref="TestEnvironment.PostgresConnectionString"/> server,
/// created before the first test of a class and dropped after the last. Use it as
/// <c>IClassFixture&lt;PostgresDatabase&gt;</c>.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public PostgresDatabase()
    {
        Name = "lindung_test_" + Guid.NewGuid().ToString("N")[..16];
    }

    /// <summary>The database name (lower case, safe to use unquoted).</summary>
    public string Name { get; }

    /// <summary>Connection string for <see cref="Name"/>, same server and credentials as the admin connection.</summary>
    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The database fixture has not been initialized.");

    public ValueTask<NpgsqlConnection> OpenConnectionAsync() => DataSource.OpenConnectionAsync();

    public async Task InitializeAsync()
    {
        var admin = AdminConnectionString();
        await using (var connection = await OpenAdminAsync(admin))
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = Name }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

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

        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenAdminAsync(AdminConnectionString());
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string AdminConnectionString()
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"{TestEnvironment.PostgresVariable} is not a valid Npgsql connection string: {ex.Message}", ex);
        }

        // Admin work goes through its own short-lived, unpooled connections.
        builder.Pooling = false;
        return builder.ConnectionString;
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            throw TestEnvironment.Unreachable(
                "PostgreSQL",
                string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}: {ex.Message}"),
                ex);
        }
    }
}
