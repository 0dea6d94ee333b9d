using Microsoft.AspNetCore.Antiforgery;

namespace Lindung.Security;

/// <summary>
/// CSRF protection for the JSON API. A browser sends the sign-in cookie with any request, even one
/// another site makes it send; so an unsafe API request (POST, PUT, PATCH, DELETE) authenticated
/// by the cookie must also carry the antiforgery request token in the <see cref="HeaderName"/>
/// header, which only Lindung's own pages can read (the <c>csrf-token</c> meta tag of the layout).
/// API-key callers are not affected: a browser never adds their key by itself.
/// </summary>
internal static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public const string Code = "ANTIFORGERY_REQUIRED";

    /// <summary>After authorization, so a caller without the right role still hears 401/403 from it.</summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (NeedsToken(context) && !await HasValidTokenAsync(context))
            {
                await ApiProblems.WriteAsync(
                    context, StatusCodes.Status403Forbidden, Code,
                    "Permintaan ini memerlukan token antiforgery (header X-CSRF-TOKEN) dari halaman Lindung.",
                    "This request needs the antiforgery token (X-CSRF-TOKEN header) from a Lindung page.");
                return;
            }

            await next(context);
        });

    private static bool NeedsToken(HttpContext context) =>
        IdentitySetup.IsApi(context.Request)
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity?.IsAuthenticated == true
        && !ApiKeyAuthenticationHandler.Presents(context.Request);

    // The header alone: an API body is never searched for a form field.
    private static async Task<bool> HasValidTokenAsync(HttpContext context) =>
        context.Request.Headers.ContainsKey(HeaderName)
        && await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
}
