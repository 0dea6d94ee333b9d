using System.Net;
using System.Text.RegularExpressions;
using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Account;

public sealed partial class SignInTests
{
    [Fact]
    public async Task Right_password_signs_in_and_the_header_shows_who()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        using var client = app.CreateClient();

        using var response = await TestUsers.SignInAsync(client, email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lindung.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(email, await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_message_in_Indonesian()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        using var client = app.CreateClient();

        using var wrong = await TestUsers.SignInAsync(client, email, "bukan-kata-sandinya");
        using var unknown = await TestUsers.SignInAsync(client, "tidak-ada@test.lindung.id", "bukan-kata-sandinya");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Email atau kata sandi salah.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Email atau kata sandi salah.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("lindung.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ten_failures_lock_the_account_even_against_the_right_password_without_saying_so()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        using var client = app.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            using var _ = await TestUsers.SignInAsync(client, email, "salah-salah-salah");
        }

        using var right = await TestUsers.SignInAsync(client, email);
        using var unknown = await TestUsers.SignInAsync(client, "tidak-ada@test.lindung.id", "salah-salah-salah");

        // The lock shows as the answer every failure gets, so it does not tell that the account exists.
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("lindung.auth=", StringComparison.Ordinal)));
        Assert.Equal(Alert(await unknown.Content.ReadAsStringAsync()), Alert(await right.Content.ReadAsStringAsync()));
        Assert.Contains("Email atau kata sandi salah.", Alert(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Passwords_are_stored_as_salted_hashes()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var first = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        var second = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();

        var hashes = await db.Users.Where(u => u.Email == first || u.Email == second).Select(u => u.PasswordHash!).ToListAsync();

        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.DoesNotContain(TestUsers.Password, h, StringComparison.Ordinal));
        Assert.NotEqual(hashes[0], hashes[1]); // same password, different salt
        Assert.All(hashes, h => Assert.Equal(0x01, Convert.FromBase64String(h)[0])); // Identity v3 format (PBKDF2)
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user_unless_they_say_otherwise()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        using var client = app.CreateClient();

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var protectedPage = await client.GetAsync(new Uri("/account/signout", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.StatusCode);
        Assert.StartsWith("http://localhost/account/signin?ReturnUrl=", protectedPage.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_needs_the_anti_forgery_token()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        using var client = await TestUsers.SignedInClientAsync(app, LindungRoles.Leader);

        using var forged = await client.PostAsync(new Uri("/account/signout", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var token = await TestUsers.AntiforgeryTokenAsync(client, "/");
        using var signOut = await client.PostAsync(
            new Uri("/account/signout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/signin", signOut.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_saved_session_cookie_stops_working_after_sign_out()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        using var client = app.CreateClient();
        using var signIn = await TestUsers.SignInAsync(client, email);
        var saved = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lindung.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var thief = new HttpClient(app.App.GetTestServer().CreateHandler()) { BaseAddress = app.BaseAddress };
        thief.DefaultRequestHeaders.Add("Cookie", saved);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);

        var token = await TestUsers.AntiforgeryTokenAsync(client, "/");
        using var signOut = await client.PostAsync(
            new Uri("/account/signout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var replay = await thief.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Contains("/account/signin", replay.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static string Alert(string html) => AlertText().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No alert on the page.");

    [GeneratedRegex("role=\"alert\"[^>]*>([^<]*)<")]
    private static partial Regex AlertText();
}
