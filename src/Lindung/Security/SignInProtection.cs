using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Lindung.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lindung.Security;

/// <summary>
/// The <c>SignIn</c> settings: how many sign-in posts one client address may make per minute, and
/// after how many failed passwords an account is locked, for how long.
/// </summary>
internal sealed class SignInSettings
{
    public const string Section = "SignIn";
    public const int DefaultLockoutFailures = 10;
    public const int DefaultLockoutMinutes = 15;

    public int AttemptsPerMinute { get; set; } = 10;

    public int LockoutFailures { get; set; } = DefaultLockoutFailures;

    public int LockoutMinutes { get; set; } = DefaultLockoutMinutes;
}

/// <summary>Limits sign-in posts per client address (ASP.NET Core rate limiting) and applies the lockout settings.</summary>
internal static class SignInProtection
{
    public static IServiceCollection AddLindungSignInSettings(this IServiceCollection services)
    {
        services.AddOptions<SignInSettings>().BindConfiguration(SignInSettings.Section);
        services.AddOptions<IdentityOptions>().Configure<IOptions<SignInSettings>>((identity, settings) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = settings.Value.LockoutFailures;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.Value.LockoutMinutes);
        });
        services.AddRateLimiter(limiter =>
        {
            // Only POST /account/signin is limited; the address is the client's as a trusted proxy
            // forwarded it (see ProxySettings), else the connection's.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInPost(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString(),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<SignInSettings>>().Value.AttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, ct) => TooManyAsync(rejected.HttpContext, ct);
        });
        return services;
    }

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/account/signin", StringComparison.OrdinalIgnoreCase);

    /// <summary>A short page in the user's language; the sign-in form is one click back.</summary>
    private static async ValueTask TooManyAsync(HttpContext context, CancellationToken ct)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer>();
        var title = WebUtility.HtmlEncode(text["signin.throttled.title"]);
        var message = WebUtility.HtmlEncode(text["signin.throttled"]);
        var back = WebUtility.HtmlEncode(text["signin.title"]);
        var lang = Languages.IsEnglish(CultureInfo.CurrentUICulture) ? "en" : "id";
        context.Response.Headers.RetryAfter = "60";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title} · Lindung</title></head>" +
            $"<body><h1>{title}</h1><p role=\"alert\">{message}</p><p><a href=\"/account/signin\">{back}</a></p></body></html>",
            ct);
    }
}
