using System.Text.RegularExpressions;
using Lindung.Security;

namespace Lindung.Tests.Infrastructure;

/// <summary>
/// Does what a Lindung page's own script must do before it writes through /api with the sign-in
/// cookie: reads the antiforgery token from the layout's <c>csrf-token</c> meta tag and sends it in
/// the <see cref="ApiAntiforgery.HeaderName"/> header. Requests that already carry the header, that
/// present an API key, or that are safe (GET, HEAD) pass unchanged; so does everything when
/// <see cref="Enabled"/> is false (to test the refusal).
/// </summary>
internal sealed partial class ApiAntiforgeryHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public bool Enabled { get; set; } = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Enabled && NeedsToken(request) && await TokenAsync(request.RequestUri!, cancellationToken) is { } token)
        {
            request.Headers.Add(ApiAntiforgery.HeaderName, token);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static bool NeedsToken(HttpRequestMessage request) =>
        request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options
        && request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        && !request.Headers.Contains(ApiAntiforgery.HeaderName)
        && !request.Headers.Contains(ApiKeyAuthenticationHandler.HeaderName)
        && request.Headers.Authorization is null;

    /// <summary>The token of the current session (a page renders it only for a signed-in user); null when there is none.</summary>
    private async Task<string?> TokenAsync(Uri requestUri, CancellationToken ct)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(requestUri, "/account/password"));
        using var response = await base.SendAsync(page, ct);
        var match = MetaToken().Match(await response.Content.ReadAsStringAsync(ct));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
    private static partial Regex MetaToken();
}
