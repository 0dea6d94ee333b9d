using Lindung.Data;
using Lindung.Features.Home;

namespace Lindung.Hosting;

/// <summary>Composes the web application. Tests build it with a test server instead of Kestrel.</summary>
internal static class LindungWebApp
{
    public static WebApplication Build(LindungHostOptions options, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddSingleton(options);
        builder.Services.AddLindungDatabase(DatabaseSettings.Resolve(options.DataDirectory, options.Db, builder.Configuration));
        builder.Services.AddHostedService<DatabaseMigrator>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.MapHome();
        return app;
    }
}
