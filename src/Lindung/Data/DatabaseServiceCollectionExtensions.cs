using Lindung.Hosting;
using Lindung.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lindung.Data;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LindungDbContext"/> for the chosen provider with the audit interceptor.
    /// The actor defaults to <see cref="SystemAuditActor"/>; register another <see cref="IAuditActor"/>
    /// to override it.
    /// </summary>
    public static IServiceCollection AddLindungDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IAuditActor, SystemAuditActor>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<RegistryChangeInterceptor>();
        services.TryAddSingleton<ApiKeyCache>();
        services.TryAddSingleton<SecurityStampCache>();
        services.AddScoped<SecurityCacheInterceptor>();
        _ = settings.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<LindungDbContext, SqliteLindungDbContext>((sp, options) =>
                options.UseSqlite(settings.ConnectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<RegistryChangeInterceptor>(), sp.GetRequiredService<SecurityCacheInterceptor>())),
            DatabaseProvider.Postgres => services.AddDbContext<LindungDbContext, PostgresLindungDbContext>((sp, options) =>
                options.UseNpgsql(settings.ConnectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<RegistryChangeInterceptor>(), sp.GetRequiredService<SecurityCacheInterceptor>())),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
        };
        return services;
    }

    /// <summary>Creates the database if needed (and the SQLite file's folder) and applies pending migrations.</summary>
    public static async Task MigrateLindungDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
            PrivateFiles.CreateFolder(Path.GetDirectoryName(file)!);
            PrivateFiles.Touch(file);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging (kept in the file): readers do not wait for a writer, nor the
            // writer for readers. In the default rollback journal every write (an import, the
            // audit of answered checks) stalled concurrent requests, and Microsoft.Data.Sqlite
            // retries a busy read only after 150 ms.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
        }
    }
}
