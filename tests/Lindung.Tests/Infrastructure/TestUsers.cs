using System.Net;
using System.Text.RegularExpressions;
using Lindung.Features.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Infrastructure;

/// <summary>Creates users through the same code as <c>lindung user add</c> and signs them in over HTTP.</summary>
public static partial class TestUsers
{
    public const string Password = "kata-sandi-uji-yang-panjang";

    /// <summary>Creates a user with one role and scope; returns the email to sign in with.</summary>
    public static async Task<string> CreateAsync(IServiceProvider services, string role, string? agencyCode = null, params string[] regions)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.lindung.id";
        await using var scope = services.CreateAsyncScope();
        await UserAddCommand.AddAsync(scope.ServiceProvider, new NewUser(email, role, $"Test {role}", agencyCode, regions, Password), CancellationToken.None);
        return email;
    }

    /// <summary>Posts the sign-in form (with its anti-forgery token) and returns the response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/signin");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri("/account/signin", UriKind.Relative), form);
    }

    /// <summary>A client signed in as a new user with this role and scope.</summary>
    public static async Task<HttpClient> SignedInClientAsync(LindungTestApp app, string role, string? agencyCode = null, params string[] regions)
    {
        var email = await CreateAsync(app.Services, role, agencyCode, regions);
        var client = app.CreateClient();
        using var response = await SignInAsync(client, email);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = TokenField().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No anti-forgery token on {path}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
