using Lindung.Security;

namespace Lindung.Features.Errors;

/// <summary>
/// Nothing answers with an empty body: an unhandled exception or an empty error status becomes the
/// <see cref="StatusModel"/> page for a browser and an RFC 9457 problem for an API caller (the
/// status codes of the API are turned into problems by <c>UseApiProblemDetails</c>).
/// </summary>
internal static class ErrorPages
{
    /// <summary>The page's route with the status as its placeholder, as the status-code middleware wants it.</summary>
    public const string Path = "/error/{0}";

    private const string ExceptionPath = "/error/500";

    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(context => IdentitySetup.IsApi(context.Request), api => api.UseExceptionHandler());
        app.UseWhen(context => !IdentitySetup.IsApi(context.Request), web =>
        {
            web.UseExceptionHandler(ExceptionPath);
            web.UseStatusCodePagesWithReExecute(Path);
        });
        return app;
    }
}
