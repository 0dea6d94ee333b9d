using Lindung.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lindung.Tests.Infrastructure;

/// <summary>
/// Starts the real Lindung web application (<see cref="LindungWebApp.Build"/>), either in memory on a
/// <see cref="TestServer"/> for HTTP-level tests, or on Kestrel at <c>http://127.0.0.1:&lt;free port&gt;</c> for
/// browser tests. Each app gets its own empty data directory, removed on dispose.
/// </summary>
public static class LindungAppFactory
{
    // Hundreds of hosts start in one test process, and each file provider (web root for
    // asp-append-version, configuration files) would take an inotify instance, of which a machine
    // gives a user 128: polling watchers take none.
    static LindungAppFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    /// <summary>
    /// In-memory host: use <see cref="LindungTestApp.CreateClient"/> for requests. <paramref name="db"/> is a
    /// PostgreSQL connection string, as <c>serve --db</c> takes; SQLite in the data directory without it.
    /// </summary>
    public static Task<LindungTestApp> StartTestServerAsync(Action<WebApplicationBuilder>? configure = null, string? db = null, Action<IEndpointRouteBuilder>? endpoints = null) =>
        StartAsync(kestrel: false, configure, db, endpoints);

    /// <summary>Real Kestrel host on a free loopback port: browse <see cref="LindungTestApp.BaseAddress"/>.</summary>
    public static Task<LindungTestApp> StartKestrelAsync(Action<WebApplicationBuilder>? configure = null) =>
        StartAsync(kestrel: true, configure, db: null, endpoints: null);

    private static async Task<LindungTestApp> StartAsync(bool kestrel, Action<WebApplicationBuilder>? configure, string? db, Action<IEndpointRouteBuilder>? endpoints)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("lindung-test-data-").FullName;
        // Port 0: Kestrel binds a free port itself, so parallel test classes never race for one.
        var options = new LindungHostOptions(dataDirectory, Urls: "http://127.0.0.1:0", Demo: false, Db: db);
        WebApplication? app = null;
        try
        {
            app = LindungWebApp.Build(options, [], builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                // Every test client comes from one address; tests that sign many users in must not
                // meet the per-client sign-in limit (its own tests set it lower in configure).
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SignIn:AttemptsPerMinute"] = "100000" });
                if (!kestrel)
                {
                    builder.WebHost.UseTestServer();
                }

                configure?.Invoke(builder);
            });
            endpoints?.Invoke(app);
            await app.StartAsync();

            var baseAddress = kestrel
                ? new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single())
                : new Uri("http://localhost/");
            return new LindungTestApp(app, baseAddress, dataDirectory, kestrel);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }
}

/// <summary>A running Lindung web application; dispose to stop it and delete its data directory.</summary>
public sealed class LindungTestApp : IAsyncDisposable
{
    private readonly bool _kestrel;

    internal LindungTestApp(WebApplication app, Uri baseAddress, string dataDirectory, bool kestrel)
    {
        App = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _kestrel = kestrel;
    }

    public WebApplication App { get; }

    /// <summary>Root URL of the app, e.g. <c>http://127.0.0.1:40123/</c> on Kestrel.</summary>
    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// An <see cref="HttpClient"/> for the app that keeps cookies (sign-in, anti-forgery) like a
    /// browser; redirects are not followed so tests can assert them. Unsafe API requests made with
    /// the sign-in cookie carry the antiforgery header as Lindung's own pages send it, unless
    /// <paramref name="apiAntiforgery"/> is false.
    /// </summary>
    public HttpClient CreateClient(bool apiAntiforgery = true)
    {
#pragma warning disable CA2000 // The client owns and disposes the handler chain.
        HttpMessageHandler transport = _kestrel
            ? new SocketsHttpHandler { AllowAutoRedirect = false }
            : new CookieHandler(App.GetTestServer().CreateHandler());
        return new HttpClient(new ApiAntiforgeryHandler(transport) { Enabled = apiAntiforgery }, disposeHandler: true) { BaseAddress = BaseAddress };
#pragma warning restore CA2000
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
