using System.Security.Claims;
using Lindung.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Security;

/// <summary>
/// Every request with the sign-in cookie compares the cookie's security stamp with the user's
/// current one (one indexed read, kept for a few seconds in <see cref="SecurityStampCache"/>). Sign-out
/// and a password change renew the stamp and clear that cache, so a copied or saved cookie stops
/// working at once, and so do the user's other sessions. Identity's own
/// periodic validation still runs first, once its interval has passed, and refreshes roles and claims.
/// </summary>
internal static class SessionStamp
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        // Identity's validator is asked only when its interval has passed, as it would decide itself:
        // resolving it builds a sign-in manager, a user manager and their stores, which cost more
        // than the rest of a signed-in request's authentication.
        if (IdentityRevalidationDue(context, services))
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }

        if (context.Principal is not { } principal)
        {
            return;
        }

        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        string? current = null;
        if (id is not null)
        {
            var cache = services.GetRequiredService<SecurityStampCache>();
            if (!cache.TryFind(id, out current))
            {
                var generation = cache.Generation;
                current = await services.GetRequiredService<LindungDbContext>().Users.AsNoTracking()
                    .Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
                cache.Add(id, current, generation);
            }
        }

        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static bool IdentityRevalidationDue(CookieValidatePrincipalContext context, IServiceProvider services)
    {
        if (context.Properties.IssuedUtc is not { } issued)
        {
            return true;
        }

        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        // The clock Identity's validator itself uses.
        var clock = options.TimeProvider ?? TimeProvider.System;
        return clock.GetUtcNow() - issued > options.ValidationInterval;
    }
}
