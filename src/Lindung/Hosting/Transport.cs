using System.Net;
using Lindung.Security;
using Microsoft.AspNetCore.HttpOverrides;

namespace Lindung.Hosting;

/// <summary>
/// The <c>Proxy</c> settings. X-Forwarded-For and X-Forwarded-Proto are believed only from the
/// proxies listed here (none by default), so a client can forge neither its address (the sign-in
/// rate limit counts per address) nor its scheme.
/// </summary>
internal sealed class ProxySettings
{
    public const string Section = "Proxy";

    /// <summary>Addresses of trusted reverse proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted reverse proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// Users always reach Lindung over TLS, terminated by a proxy that may not send X-Forwarded-Proto:
    /// every request is treated as HTTPS, so cookies are always <c>Secure</c> and HSTS is sent.
    /// </summary>
    public bool AlwaysHttps { get; set; }
}

/// <summary>Forwarded headers from trusted proxies, HSTS, and no caching of responses that may carry personal data.</summary>
internal static class Transport
{
    public static IServiceCollection AddLindungTransport(this IServiceCollection services)
    {
        services.AddOptions<ProxySettings>().BindConfiguration(ProxySettings.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxySettings>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default (and everyone when both lists are empty, which
            // UseLindungTransport avoids); Lindung trusts only what the settings name.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list holds a loopback default too.
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>
    /// First in the pipeline: the client's address and scheme as the trusted proxy saw them (or
    /// HTTPS whatever the hop, with <see cref="ProxySettings.AlwaysHttps"/>), then HSTS on HTTPS.
    /// Cookies follow the scheme (<c>CookieSecurePolicy.SameAsRequest</c>): Secure over HTTPS.
    /// </summary>
    public static WebApplication UseLindungTransport(this WebApplication app)
    {
        var proxy = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxySettings>>().Value;
        // With no proxy listed the middleware would believe every sender, so then it is left out.
        if (proxy.KnownProxies.Count > 0 || proxy.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (proxy.AlwaysHttps)
        {
            app.Use((context, next) =>
            {
                context.Request.Scheme = Uri.UriSchemeHttps;
                return next(context);
            });
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    /// <summary>
    /// <c>Cache-Control: no-store</c> on every API response and every response to a signed-in user:
    /// they may hold NIKs and names, which must not linger in a browser or proxy cache. Decided when
    /// the response starts, after authentication has run; static files answer before it and stay cacheable.
    /// </summary>
    public static IApplicationBuilder UseNoStoreForPersonalData(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (IdentitySetup.IsApi(context.Request) || context.User.Identity?.IsAuthenticated == true)
                {
                    context.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}
