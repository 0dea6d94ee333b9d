using System.Net;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Account;

/// <summary>Sign-in answers that do not tell which accounts exist, and a sign-in limit per client address.</summary>
public sealed class SignInProtectionTests
{
    [Fact]
    public async Task Unknown_email_wrong_password_and_locked_account_each_cost_one_password_hash_check()
    {
        var hasher = new CountingHasher();
        await using var app = await LindungAppFactory.StartTestServerAsync(builder => builder.Services.AddSingleton<IPasswordHasher<LindungUser>>(hasher));
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        var locked = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LindungUser>>();
            var user = (await users.FindByEmailAsync(locked))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(10));
        }

        using var client = app.CreateClient();

        // The same work for every failure, so the answer's timing does not tell them apart.
        Assert.Equal(1, await ChecksAsync(hasher, () => TestUsers.SignInAsync(client, "tidak-ada@test.lindung.id", "salah-salah-salah")));
        Assert.Equal(1, await ChecksAsync(hasher, () => TestUsers.SignInAsync(client, email, "salah-salah-salah")));
        Assert.Equal(1, await ChecksAsync(hasher, () => TestUsers.SignInAsync(client, locked)));
        Assert.Equal(1, await ChecksAsync(hasher, () => TestUsers.SignInAsync(client, locked, "salah-salah-salah")));
    }

    [Fact]
    public async Task A_client_address_gets_a_few_sign_in_posts_a_minute_and_other_addresses_are_not_affected()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync(builder => Configure(builder, ("SignIn:AttemptsPerMinute", "3")));
        var first = IPAddress.Parse("203.0.113.1");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await PostSignInAsync(app, first));
        }

        var other = await PostSignInAsync(app, IPAddress.Parse("203.0.113.2"));
        var page = await app.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/account/signin";
            c.Connection.RemoteIpAddress = first;
        });

        // Without the anti-forgery token each post the limiter lets through is refused by the form: 400.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.BadRequest, other);
        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
    }

    [Fact]
    public async Task The_limit_counts_the_client_a_trusted_proxy_names_and_ignores_names_from_anyone_else()
    {
        var proxy = IPAddress.Parse("10.0.0.5");
        await using var app = await LindungAppFactory.StartTestServerAsync(builder =>
            Configure(builder, ("SignIn:AttemptsPerMinute", "2"), ("Proxy:KnownProxies:0", proxy.ToString())));

        // Behind the proxy, each client has its own allowance.
        var viaProxy = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            viaProxy.Add(await PostSignInAsync(app, proxy, forwardedFor: $"198.51.100.{i + 1}"));
        }

        // A stranger cannot spread its posts over made-up client addresses.
        var stranger = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            stranger.Add(await PostSignInAsync(app, IPAddress.Parse("203.0.113.9"), forwardedFor: $"198.51.100.{i + 10}"));
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, viaProxy);
        Assert.Equal(HttpStatusCode.TooManyRequests, stranger[^1]);
    }

    [Fact]
    public async Task The_refusal_says_to_wait_in_the_user_s_language()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync(builder => Configure(builder, ("SignIn:AttemptsPerMinute", "1")));
        var address = IPAddress.Parse("203.0.113.1");
        await PostSignInAsync(app, address);

        var refused = await app.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/account/signin";
            c.Connection.RemoteIpAddress = address;
        });
        using var reader = new StreamReader(refused.Response.Body);
        var html = await reader.ReadToEndAsync();

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.Equal("60", refused.Response.Headers.RetryAfter.ToString());
        Assert.Contains("Terlalu banyak percobaan masuk dari alamat ini.", html, StringComparison.Ordinal);
    }

    private static async Task<int> ChecksAsync(CountingHasher hasher, Func<Task<HttpResponseMessage>> signIn)
    {
        var before = hasher.Verified;
        using var response = await signIn();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return hasher.Verified - before;
    }

    private static async Task<HttpStatusCode> PostSignInAsync(LindungTestApp app, IPAddress from, string? forwardedFor = null)
    {
        var context = await app.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/account/signin";
            c.Connection.RemoteIpAddress = from;
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }

    private static void Configure(WebApplicationBuilder builder, params (string Key, string Value)[] settings) =>
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));

    /// <summary>The real hasher, counting the passwords it checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<LindungUser>
    {
        private readonly PasswordHasher<LindungUser> _inner = new();
        private int _verified;

        public int Verified => Volatile.Read(ref _verified);

        public string HashPassword(LindungUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(LindungUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
