using Lindung.Hosting;
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
        _ = settings.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<LindungDbContext, SqliteLindungDbContext>((sp, options) =>
                options.UseSqlite(settings.ConnectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<RegistryChangeInterceptor>())),
            DatabaseProvider.Postgres => services.AddDbContext<LindungDbContext, PostgresLindungDbContext>((sp, options) =>
                options.UseNpgsql(settings.ConnectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<RegistryChangeInterceptor>())),
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
    }
}
