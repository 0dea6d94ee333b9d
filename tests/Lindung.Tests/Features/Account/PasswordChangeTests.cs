using System.Net;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Users;
using Lindung.Security;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Account;

/// <summary>One-time passwords are changed at first sign-in; password changes and lockouts are audited.</summary>
public sealed class PasswordChangeTests
{
    private const string NewPassword = "kalimat baru yang cukup panjang";

    [Fact]
    public async Task A_generated_password_leads_to_the_change_page_until_the_user_chooses_one()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var (email, oneTime) = await AddWithGeneratedPasswordAsync(app);
        using var client = app.CreateClient();
        using (var signIn = await TestUsers.SignInAsync(client, email, oneTime))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var home = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/api/v1/reports/coverage?lang=en", UriKind.Relative));
        var page = await Pages.HtmlAsync(client, PasswordChangeGate.PagePath);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(PasswordChangeGate.PagePath, home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        using (var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()))
        {
            Assert.Equal(PasswordChangeGate.Code, problem.RootElement.GetProperty("code").GetString());
        }

        Assert.Contains("kata sandi sekali pakai", page, StringComparison.Ordinal);

        using var changed = await Pages.PostFormAsync(client, PasswordChangeGate.PagePath, new Dictionary<string, string>
        {
            ["Current"] = oneTime,
            ["New"] = NewPassword,
            ["Confirm"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Kata sandi sudah diganti.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await Pages.StatusAsync(client, "/dashboard"));
        using var again = app.CreateClient();
        using var oldPassword = await TestUsers.SignInAsync(again, email, oneTime);
        using var newPassword = await TestUsers.SignInAsync(again, email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await Pages.StatusAsync(again, "/dashboard"));
    }

    [Fact]
    public async Task A_password_change_is_audited_without_password_data_and_ends_other_sessions()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        using var client = await SignedInAsync(app, email);
        using var otherSession = await SignedInAsync(app, email);

        using var changed = await Pages.PostFormAsync(client, PasswordChangeGate.PagePath, new Dictionary<string, string>
        {
            ["Current"] = TestUsers.Password,
            ["New"] = NewPassword,
            ["Confirm"] = NewPassword,
        });

        Assert.Contains("Kata sandi sudah diganti.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await Pages.StatusAsync(client, "/dashboard"));
        Assert.Equal(HttpStatusCode.Redirect, await Pages.StatusAsync(otherSession, "/dashboard"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditAction.PasswordChanged);
        Assert.Equal(user.Id, audit.EntityKey);
        Assert.Equal(email, audit.Actor);
        Assert.DoesNotContain(NewPassword, audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain(TestUsers.Password, audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain(user.PasswordHash!, audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_mistyped_new_one_changes_nothing()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        using var client = await SignedInAsync(app, email);

        using var wrong = await Pages.PostFormAsync(client, PasswordChangeGate.PagePath + "?culture=en-US", new Dictionary<string, string>
        {
            ["Current"] = "bukan-kata-sandinya",
            ["New"] = NewPassword,
            ["Confirm"] = NewPassword,
        });
        using var mistyped = await Pages.PostFormAsync(client, PasswordChangeGate.PagePath + "?culture=en-US", new Dictionary<string, string>
        {
            ["Current"] = TestUsers.Password,
            ["New"] = NewPassword,
            ["Confirm"] = NewPassword + "!",
        });

        Assert.Contains("The current password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The two new passwords differ.", await mistyped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = app.CreateClient();
        using var signIn = await TestUsers.SignInAsync(again, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LindungDbContext>().AuditEvents.AnyAsync(a => a.Action == AuditAction.PasswordChanged));
    }

    [Fact]
    public async Task A_lockout_is_audited_once()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        using var client = app.CreateClient();

        for (var i = 0; i < 12; i++)
        {
            using var _ = await TestUsers.SignInAsync(client, email, "salah-salah-salah");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditAction.LockedOut);
        Assert.Equal(user.Id, audit.EntityKey);
        Assert.Contains(email, audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_the_current_password_on_the_change_page_locks_the_account_and_ends_the_session()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.Leader);
        using var client = await SignedInAsync(app, email);
        HttpStatusCode last = default;
        string? location = null;
        for (var i = 0; i < 10; i++)
        {
            using var guess = await Pages.PostFormAsync(client, PasswordChangeGate.PagePath, new Dictionary<string, string>
            {
                ["Current"] = $"tebakan-nomor-{i}",
                ["New"] = NewPassword,
                ["Confirm"] = NewPassword,
            });
            last = guess.StatusCode;
            location = guess.Headers.Location?.OriginalString;
        }

        Assert.Equal(HttpStatusCode.Redirect, last);
        Assert.Equal("/account/signin", location);
        Assert.Equal(HttpStatusCode.Redirect, await Pages.StatusAsync(client, "/dashboard"));
        using var again = app.CreateClient();
        using var rightPassword = await TestUsers.SignInAsync(again, email);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditAction.LockedOut));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == AuditAction.PasswordChanged));
    }

    private static async Task<(string Email, string Password)> AddWithGeneratedPasswordAsync(LindungTestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = $"baru-{Guid.NewGuid():N}@test.lindung.id";
        var added = await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(
            new AddUserRequest(email, LindungRoles.Leader, "Pengguna Baru", WholeInstallation: true), AccessScope.Operator, CancellationToken.None);
        Assert.True(added.Succeeded);
        return (email, added.Value.GeneratedPassword!);
    }

    private static async Task<HttpClient> SignedInAsync(LindungTestApp app, string email)
    {
        var client = app.CreateClient();
        using var signIn = await TestUsers.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
