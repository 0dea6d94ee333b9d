using System.Globalization;
using System.Security.Claims;
using Lindung.Data.Entities;

namespace Lindung.Security;

/// <summary>
/// The principal of an API key: its role and scope exactly like a user's cookie, so the same
/// policies and <see cref="ScopedQueries"/> apply, and <c>apikey:&lt;prefix&gt;</c> as the audit actor.
/// </summary>
internal static class ApiKeyPrincipal
{
    public const string SchemeName = "ApiKey";
    public const string ActorPrefix = "apikey:";

    public static ScopedPrincipal Of(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, key.Id.ToString("D", CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, ActorPrefix + key.Prefix),
            new(ClaimTypes.Role, key.Role),
            new(LindungClaims.Region, key.RegionCode),
        ];
        if (key.AgencyId is { } agency)
        {
            claims.Add(new Claim(LindungClaims.Agency, agency.ToString("D", CultureInfo.InvariantCulture)));
        }

        return new ScopedPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
    }
}
