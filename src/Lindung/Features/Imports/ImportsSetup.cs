using Lindung.Features.Api;
using Lindung.Features.Reconciliation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Imports;

internal static class ImportsSetup
{
    /// <summary>The paths that take an upload: the import page's form and the API.</summary>
    private static readonly PathString[] UploadPaths = ["/imports", ApiSetup.Prefix + "/imports"];

    /// <summary>Options, the queues and the background workers of imports and reconciliation runs. Register after the database migrator: hosted services start in order.</summary>
    public static IServiceCollection AddLindungImportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        // The page's form binding must not cut a file the import limit allows.
        services.AddOptions<FormOptions>().Configure<IOptions<ImportOptions>>((form, imports) =>
            form.MultipartBodyLengthLimit = Math.Max(form.MultipartBodyLengthLimit, imports.Value.MaxUploadBytes + (1024 * 1024)));
        services.AddSingleton<ImportJobQueue>();
        services.AddScoped<ConfirmImport>();
        services.AddHostedService<ImportJobWorker>();
        services.AddSingleton<ImportUploadSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<ImportUploadSweeper>());
        services.Configure<ReconciliationOptions>(configuration.GetSection(ReconciliationOptions.Section));
        services.AddSingleton<ReconciliationJobQueue>();
        services.AddScoped<RerunAfterImport>();
        services.AddHostedService<ReconciliationJobWorker>();
        return services;
    }

    /// <summary>
    /// Lifts the server's request size limit (30 MB by default) to the import limit, on upload
    /// requests only; the upload itself stops at the limit while streaming.
    /// </summary>
    public static IApplicationBuilder UseImportUploadLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && UploadPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxUploadBytes;
                size.MaxRequestBodySize = limit + (1024 * 1024);
            }

            await next(context);
        });
}
