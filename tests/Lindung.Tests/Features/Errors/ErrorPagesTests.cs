using System.Net;
using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Lindung.Tests.Features.Errors;

/// <summary>
/// Nothing answers with an empty body: browsers get a page in their language with a way back, API
/// callers a problem. (A visitor who has not signed in is sent to the sign-in page for any unknown
/// address, so it cannot tell which addresses exist.)
/// </summary>
public sealed class ErrorPagesTests
{
    [Fact]
    public async Task An_unknown_page_answers_404_with_a_page_in_Indonesian_and_a_way_home()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        using var client = await TestUsers.SignedInClientAsync(app, LindungRoles.Leader);

        using var response = await client.GetAsync(new Uri("/tidak/ada", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Halaman tidak ditemukan", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_speaks_English_to_a_reader_who_chose_it()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        using var client = await TestUsers.SignedInClientAsync(app, LindungRoles.Leader);

        using var response = await client.GetAsync(new Uri("/tidak/ada?culture=en-US", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_page_answers_500_with_a_page_and_a_reference_not_a_stack_trace()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync(endpoints: e =>
            e.MapGet("/test/boom", string () => throw new InvalidOperationException("secret detail")).AllowAnonymous());
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/test/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Terjadi kesalahan di server", html, StringComparison.Ordinal);
        Assert.Contains("Kode rujukan", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_answers_400_with_a_page()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        using var client = app.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@b.id", ["Password"] = "x" });

        using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Permintaan tidak dapat diproses", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_API_call_answers_a_problem_not_an_empty_500()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync(endpoints: e =>
            e.MapGet("/api/v1/test-boom", string () => throw new InvalidOperationException("secret detail")).AllowAnonymous());
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/test-boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret detail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_API_path_stays_a_problem_not_a_page()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        using var client = await TestUsers.SignedInClientAsync(app, LindungRoles.Leader);

        using var response = await client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
