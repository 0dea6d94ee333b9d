using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Lindung.Security;

internal static class IdentitySetup
{
    /// <summary>User store, password and lockout rules, and the user use cases. Shared by the web host and the <c>user</c> verbs.</summary>
    public static IdentityBuilder AddLindungIdentityCore(this IServiceCollection services) =>
        services.AddScoped<AddUser>().AddIdentityCore<LindungUser>(options =>
            {
                // Length beats composition rules (NIST SP 800-63B); generated passwords are 16+ characters.
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.MaxFailedAccessAttempts = SignInSettings.DefaultLockoutFailures;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(SignInSettings.DefaultLockoutMinutes);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LindungDbContext>()
            .AddClaimsPrincipalFactory<LindungClaimsPrincipalFactory>();

    /// <summary>Cookie sign-in, policies and the audit actor for the web host.</summary>
    public static IServiceCollection AddLindungWebSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<JobAuditActor>();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddLindungIdentityCore().AddSignInManager();
        services.AddLindungSignInSettings();
        services.AddScoped<Features.Account.ChangePassword>();
        // Pages sign in with the cookie; under /api a request that presents a key uses the API-key
        // scheme instead, and one without falls back to the cookie (a signed-in browser).
        services.AddAuthentication(SelectingScheme)
            .AddPolicyScheme(SelectingScheme, "Cookie or API key", policy => policy.ForwardDefaultSelector = context =>
                IsApi(context.Request) && ApiKeyAuthenticationHandler.Presents(context.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = "lindung.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS (production sits behind TLS); plain HTTP only for
            // the local demo on 127.0.0.1.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // API clients get a status code (and a problem body), never the sign-in page.
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            // A cookie whose security stamp is no longer the user's (signed out, password changed) is refused.
            cookie.Events.OnValidatePrincipal = SessionStamp.ValidateAsync;
        });
        services.AddAuthorizationBuilder().AddLindungPolicies();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "lindung.csrf";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.HeaderName = ApiAntiforgery.HeaderName;
        });
        return services;
    }

    private const string SelectingScheme = "Lindung";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
