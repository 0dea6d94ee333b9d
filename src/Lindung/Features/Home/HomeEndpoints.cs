namespace Lindung.Features.Home;

/// <summary>The landing page until the registry UI lands, and a health probe.</summary>
internal static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Content(HomePage.Html, "text/html; charset=utf-8"));
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }
}
