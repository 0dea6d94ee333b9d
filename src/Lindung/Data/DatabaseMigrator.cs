namespace Lindung.Data;

/// <summary>
/// Migrates the database when the host starts. Registered before the web server, so no request is
/// served by an unmigrated database.
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateLindungDatabaseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
