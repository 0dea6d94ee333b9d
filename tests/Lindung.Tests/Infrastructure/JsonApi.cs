using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lindung.Tests.Infrastructure;

/// <summary>API calls that must succeed (200), answering the JSON body; a failure shows the body the server sent.</summary>
public static class JsonApi
{
    public static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return await OkAsync(response);
    }

    public static async Task<JsonElement> GetOkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await OkAsync(response);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
