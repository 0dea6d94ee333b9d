namespace Lindung.Features.Home;

internal static class HomeEndpoints
{
    /// <summary>A liveness probe for load balancers and the test harness.</summary>
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();
        return app;
    }
}
