using System.Globalization;
using System.Security.Claims;
using Lindung.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lindung.Security;

/// <summary>Adds the user's scope (agency, regions) to the sign-in cookie, so queries can filter without a lookup.</summary>
internal sealed class LindungClaimsPrincipalFactory(
    UserManager<LindungUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LindungUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LindungUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(LindungClaims.Agency, agency.ToString("D", CultureInfo.InvariantCulture)));
        }

        if (user.WholeInstallation)
        {
            identity.AddClaim(new Claim(LindungClaims.WholeInstallation, "true"));
        }

        foreach (var region in user.RegionCodes)
        {
            identity.AddClaim(new Claim(LindungClaims.Region, region));
        }

        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        }

        return identity;
    }
}
