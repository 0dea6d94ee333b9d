using Lindung.Data;
using Lindung.Features.Actions;
using Lindung.Features.Agencies;
using Lindung.Features.Api;
using Lindung.Features.Audit;
using Lindung.Features.Budget;
using Lindung.Features.Certificates;
using Lindung.Features.Claims;
using Lindung.Features.Compliance;
using Lindung.Features.Contributions;
using Lindung.Features.Dashboard;
using Lindung.Features.Demo;
using Lindung.Features.Enforcement;
using Lindung.Features.Errors;
using Lindung.Features.Field;
using Lindung.Features.Groups;
using Lindung.Features.Home;
using Lindung.Features.Imports;
using Lindung.Features.Interop;
using Lindung.Features.Licensing;
using Lindung.Features.Procurement;
using Lindung.Features.Shared;
using Lindung.Features.Sponsors;
using Lindung.Features.Tickets;
using Lindung.Features.Villages;
using Lindung.Features.Workers;
using Lindung.Localization;
using Lindung.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Lindung.Hosting;

/// <summary>Composes the web application. Tests build it with a test server instead of Kestrel.</summary>
internal static class LindungWebApp
{
    public static WebApplication Build(LindungHostOptions options, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Named explicitly so Razor pages and static assets are found when a test host starts the app.
            ApplicationName = typeof(LindungWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddSingleton(options);
        builder.Services.AddLindungLocalization();
        PrivateFiles.CreateFolder(options.DataDirectory);
        // Keys that sign cookies and anti-forgery tokens survive restarts, beside the data they protect.
        builder.Services.AddDataProtection()
            .SetApplicationName("Lindung")
            .PersistKeysToFileSystem(PrivateFiles.CreateFolder(Path.Combine(options.DataDirectory, "keys")));
        builder.Services.AddRazorPages(pages => pages.RootDirectory = "/Features");
        // Before the database: the web's audit actor (the signed-in user) replaces the default "system".
        builder.Services.AddLindungWebSecurity();
        builder.Services.AddLindungTransport();
        builder.Services.AddLindungApi();
        builder.Services.AddLindungCompliance(builder.Configuration);
        builder.Services.AddLindungCertificates();
        builder.Services.AddScoped<LoadOperatorLanding>();
        builder.Services.AddLindungAuditTrail();
        builder.Services.AddLindungDatabase(DatabaseSettings.Resolve(options.DataDirectory, options.Db, builder.Configuration));
        builder.Services.AddLindungImports(options.DataDirectory);
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddLindungLicensing();
        builder.Services.AddLindungInterop();
        builder.Services.AddLindungProcurement();
        builder.Services.AddLindungAgencies();
        builder.Services.AddLindungBudget();
        builder.Services.AddLindungVillages();
        builder.Services.AddLindungSponsors();
        builder.Services.AddLindungEnforcement();
        builder.Services.AddLindungRateBook();
        builder.Services.AddLindungClaims();
        builder.Services.AddLindungTickets(builder.Configuration);
        builder.Services.AddLindungGroups();
        builder.Services.AddLindungWorkers(builder.Configuration);
        builder.Services.AddLindungField();
        builder.Services.AddLindungActions();
        builder.Services.AddLindungImportJobs(builder.Configuration);
        builder.Services.AddHostedService<SnapshotService>();
        builder.Services.AddSingleton<SnapshotRefresher>();
        builder.Services.AddSingleton<IRegistryChangeSink>(sp => sp.GetRequiredService<SnapshotRefresher>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SnapshotRefresher>());
        if (options.Demo)
        {
            builder.Services.AddDemoRegion();
        }

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseLindungTransport();
        app.UseSecurityHeaders();
        // Before the error pages, so a re-executed error page keeps the language of the request that failed.
        app.UseRequestLocalization();
        app.UseErrorPages();
        app.UseImportUploadLimit();
        app.UseApiProblemDetails();
        // Plain static files from the build folder's wwwroot; pages add ?v=hash for cache busting.
        app.UseStaticFiles();
        // Explicit, after the error pages: their re-executed request must be routed again.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseDisplayZone();
        app.UseNoStoreForPersonalData();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseApiAntiforgery();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapLanguageSwitch();
        app.MapHome();
        app.MapLindungApi();
        app.MapJwks();
        return app;
    }
}
