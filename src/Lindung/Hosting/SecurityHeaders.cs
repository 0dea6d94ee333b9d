namespace Lindung.Hosting;

internal static class SecurityHeaders
{
    /// <summary>Baseline headers for every response: no framing, no sniffing, no referrer leaks.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'";
            await next(context);
        });
}
