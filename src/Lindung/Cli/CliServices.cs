using System.CommandLine;
using Lindung.Data;
using Lindung.Features.Contributions;
using Lindung.Features.Imports;
using Lindung.Hosting;
using Lindung.Security;

namespace Lindung.Cli;

/// <summary>
/// The services a batch verb needs (database, user store, rate book) without the web host, on the database
/// chosen by --data/--db exactly as <c>serve</c> would choose it, migrated before use.
/// </summary>
internal static class CliServices
{
    /// <summary>The services, reading settings such as the import limits from <paramref name="configuration"/> (the defaults when null).</summary>
    public static async Task<ServiceProvider> StartAsync(ParseResult parse, CancellationToken cancellationToken, IConfiguration? configuration = null)
    {
        var services = new ServiceCollection();
        if (configuration is not null)
        {
            services.AddSingleton(configuration);
        }

        services.AddLogging();
        services.AddLindungIdentityCore();
        var dataDirectory = PrivateFiles.CreateFolder(GlobalOptions.ResolveDataDirectory(parse)).FullName;
        var settings = DatabaseSettings.Resolve(dataDirectory, parse.GetValue(GlobalOptions.Db), configuration: null);
        services.AddLindungDatabase(settings);
        services.AddLindungImports(dataDirectory);
        services.AddLindungRateBook(dataDirectory);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.MigrateLindungDatabaseAsync(cancellationToken);
        return provider;
    }
}
