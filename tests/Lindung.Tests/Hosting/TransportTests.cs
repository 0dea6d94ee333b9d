using System.Net;
using System.Text.RegularExpressions;
using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Lindung.Tests.Hosting;

/// <summary>Forwarded headers from trusted proxies only, HSTS, Secure cookies behind TLS and no caching of personal data.</summary>
public sealed partial class TransportTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    [Fact]
    public async Task Https_responses_carry_HSTS_and_plain_http_ones_do_not()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();

        var https = await HeadersAsync(app, "/account/signin", scheme: "https");
        var http = await HeadersAsync(app, "/account/signin", scheme: "http");

        Assert.Equal("max-age=31536000", https.StrictTransportSecurity.ToString());
        Assert.False(http.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_scheme_a_trusted_proxy_forwards_is_believed_and_a_stranger_s_is_not()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync(builder => Configure(builder, ("Proxy:KnownProxies:0", Proxy.ToString())));

        var viaProxy = await HeadersAsync(app, "/account/signin", from: Proxy, forwardedProto: "https");
        var viaStranger = await HeadersAsync(app, "/account/signin", from: IPAddress.Parse("10.0.0.9"), forwardedProto: "https");

        Assert.True(viaProxy.ContainsKey("Strict-Transport-Security"), "the proxy said the client used https");
        Assert.False(viaStranger.ContainsKey("Strict-Transport-Security"), "only a listed proxy is believed");
    }

    [Fact]
    public async Task Loopback_is_not_a_trusted_proxy_unless_listed()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();

        var response = await HeadersAsync(app, "/account/signin", from: IPAddress.Loopback, forwardedProto: "https");

        Assert.False(response.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_cookies_are_Secure_even_on_a_plain_http_hop()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync(builder => Configure(builder, ("Proxy:AlwaysHttps", "true")));
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        using var client = new HttpClient(app.App.GetTestServer().CreateHandler()) { BaseAddress = app.BaseAddress };

        using var form = await client.GetAsync(new Uri("/account/signin", UriKind.Relative));
        var csrf = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lindung.csrf=", StringComparison.Ordinal));
        var token = TokenField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = TestUsers.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", csrf.Split(';')[0]);
        using var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lindung.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Personal_data_is_never_stored_in_a_cache_and_static_files_may_be()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        using var client = await TestUsers.SignedInClientAsync(app, LindungRoles.RegionalAdmin);
        using var anonymous = app.CreateClient();

        using var page = await client.GetAsync(new Uri("/workers", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/api/v1/workers", UriKind.Relative));
        using var unauthorizedApi = await anonymous.GetAsync(new Uri("/api/v1/workers", UriKind.Relative));
        using var css = await anonymous.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "a page for a signed-in user");
        Assert.True(api.Headers.CacheControl?.NoStore, "an API answer");
        Assert.True(unauthorizedApi.Headers.CacheControl?.NoStore, "every API answer");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }

    private static void Configure(WebApplicationBuilder builder, params (string Key, string Value)[] settings) =>
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));

    /// <summary>A GET as the connection of <paramref name="from"/> would make it, with an optional X-Forwarded-Proto.</summary>
    private static async Task<IHeaderDictionary> HeadersAsync(LindungTestApp app, string path, string scheme = "http", IPAddress? from = null, string? forwardedProto = null)
    {
        var context = await app.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = scheme;
            c.Request.Host = new HostString("lindung.example");
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = from;
            if (forwardedProto is not null)
            {
                c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
                c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            }
        });
        return context.Response.Headers;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
