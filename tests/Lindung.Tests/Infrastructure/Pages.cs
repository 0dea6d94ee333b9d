using System.Net;

namespace Lindung.Tests.Infrastructure;

/// <summary>Small helpers for page tests over HTTP.</summary>
public static class Pages
{
    /// <summary>GETs a page that must render (200) and returns its HTML.</summary>
    public static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return html;
    }

    public static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>A signed-in user outside the page's policy is sent to the access-denied page.</summary>
    public static async Task AssertDeniedAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Posts a form with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields)
    {
        var token = await TestUsers.AntiforgeryTokenAsync(client, path);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }
}
