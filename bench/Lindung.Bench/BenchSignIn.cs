using System.Net;
using System.Text.RegularExpressions;
using Lindung.Features.Users;
using Lindung.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Bench;

/// <summary>Adds a bench user through the real use case and signs a cookie-keeping client in through the real form.</summary>
internal static partial class BenchSignIn
{
    private const string Password = "kata-sandi-bench-yang-panjang";

    public static async Task AsAsync(IServiceProvider services, HttpClient client, string role, IReadOnlyList<string> regions, bool wholeInstallation = false)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@bench.lindung.id";
        await using (var scope = services.CreateAsyncScope())
        {
            var request = new AddUserRequest(email, role, "Bench " + role, Regions: regions, WholeInstallation: wholeInstallation, Password: Password);
            _ = (await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(request, AccessScope.Operator, CancellationToken.None)).Value;
        }

        var form = await client.GetStringAsync(new Uri("/account/signin", UriKind.Relative));
        var token = TokenField().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password, ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}.");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
