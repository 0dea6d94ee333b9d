using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Lindung.Localization;

internal static class LocalizationSetup
{
    public static IServiceCollection AddLindungLocalization(this IServiceCollection services)
    {
        services.AddSingleton<IStringLocalizer, UiText>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.Indonesian);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only an explicit choice (cookie or ?culture=) switches language; the browser's
            // Accept-Language is ignored so every officer sees Bahasa Indonesia unless they ask.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary><c>POST /language</c> stores the chosen language in a cookie and returns to the page.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/language", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = Languages.Supported.Contains(culture, StringComparer.OrdinalIgnoreCase) ? culture : Languages.Indonesian;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
        return app;
    }
}
