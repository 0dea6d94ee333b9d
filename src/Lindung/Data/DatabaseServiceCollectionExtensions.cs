using Lindung.Hosting;
using Lindung.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lindung.Data;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LindungDbContext"/> for the chosen provider with the audit interceptor.
    /// The actor defaults to <see cref="SystemAuditActor"/>; register another <see cref="IAuditActor"/>
    /// to override it. Contexts come from a pool: building one per request (its options, its internal
    /// services) cost a fifth of a small API request; each scope borrows one and hands it its actor.
    /// </summary>
    public static IServiceCollection AddLindungDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IAuditActor, SystemAuditActor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<RegistryChangeInterceptor>();
        services.TryAddSingleton<ApiKeyCache>();
        services.TryAddSingleton<SecurityStampCache>();
        services.AddSingleton<SecurityCacheInterceptor>();
        services.AddSingleton<DatabaseVersion>();
        _ = settings.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddPooledDbContextFactory<SqliteLindungDbContext>((sp, options) =>
                options.UseSqlite(settings.ConnectionString).AddInterceptors(Interceptors(sp))).AddScoped<LindungDbContext>(Borrow<SqliteLindungDbContext>),
            DatabaseProvider.Postgres => services.AddPooledDbContextFactory<PostgresLindungDbContext>((sp, options) =>
                options.UseNpgsql(settings.ConnectionString).AddInterceptors(Interceptors(sp))).AddScoped<LindungDbContext>(Borrow<PostgresLindungDbContext>),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
        };
        return services;
    }

    private static IInterceptor[] Interceptors(IServiceProvider services) =>
        [services.GetRequiredService<AuditInterceptor>(), services.GetRequiredService<RegistryChangeInterceptor>(), services.GetRequiredService<SecurityCacheInterceptor>()];

    /// <summary>The scope's context, borrowed from the pool (the scope's end returns it), carrying the scope's actor.</summary>
    private static LindungDbContext Borrow<TContext>(IServiceProvider scope)
        where TContext : LindungDbContext
    {
        var db = scope.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        db.Actor = scope.GetRequiredService<IAuditActor>();
        return db;
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
