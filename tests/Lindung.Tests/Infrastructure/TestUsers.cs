using System.Net;
using System.Text.RegularExpressions;
using Lindung.Data;
using Lindung.Features.Users;
using Lindung.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Infrastructure;

/// <summary>Creates users through the same use case as <c>lindung user add</c> and signs them in over HTTP.</summary>
internal static partial class TestUsers
{
    public const string Password = "kata-sandi-uji-yang-panjang";

    /// <summary>
    /// Creates a user with one role and scope; returns the email to sign in with. A region-wide role
    /// given neither region nor agency gets the whole-installation scope, as the migration gave
    /// such users of older installations; use <see cref="CreateAsync(IServiceProvider, AddUserRequest)"/>
    /// for a user without it.
    /// </summary>
    public static Task<string> CreateAsync(IServiceProvider services, string role, string? agencyCode = null, params string[] regions) =>
        CreateAsync(services, new AddUserRequest(
            $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.lindung.id",
            role,
            $"Test {role}",
            AgencyCode: agencyCode,
            Regions: regions,
            WholeInstallation: agencyCode is null && regions.Length == 0 && role is LindungRoles.RegionalAdmin or LindungRoles.Leader or LindungRoles.LicensingOfficer,
            Password: Password));

    /// <summary>Creates exactly the user asked for, as the machine's operator; returns its email.</summary>
    public static async Task<string> CreateAsync(IServiceProvider services, AddUserRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(request with { Password = request.Password ?? Password }, AccessScope.Operator, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return result.Value.Email;
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
