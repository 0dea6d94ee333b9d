using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Security;

namespace Lindung.Tests.Security;

/// <summary>
/// An API key's principal is built once, when its row is cached, and its scope is read from its
/// claims once: every request of that key until the entry expires or is cleared carries the same
/// principal and scope, holding the key's role, region, agency and actor name.
/// </summary>
public sealed class ApiKeyPrincipalTests
{
    [Fact]
    public void A_cached_key_serves_one_principal_whose_scope_matches_its_claims()
    {
        var cache = new ApiKeyCache(TimeProvider.System);
        var agency = Guid.NewGuid();
        var row = new ApiKey
        {
            Name = "OSS",
            Prefix = "lk_abcdef12",
            SecretHash = "hash",
            Role = LindungRoles.ProcurementOfficer,
            RegionCode = "35.77",
            AgencyId = agency,
            CreatedBy = "test",
        };

        var added = cache.Add(row, cache.Generation);
        var found = cache.Find(row.Prefix);

        Assert.NotNull(found);
        Assert.Same(added.Principal, found.Principal);
        var scope = AccessScope.From(found.Principal);
        Assert.Same(scope, AccessScope.From(found.Principal));
        Assert.Equal([LindungRoles.ProcurementOfficer], scope.Roles);
        Assert.Equal(["35.77"], scope.RegionCodes);
        Assert.Equal(agency, scope.AgencyId);
        Assert.Equal("apikey:lk_abcdef12", scope.UserName);
        Assert.False(scope.WholeInstallation);

        // Cleared (a revocation): the next row read builds a new principal.
        cache.Clear();
        Assert.Null(cache.Find(row.Prefix));
        Assert.NotSame(added.Principal, cache.Add(row, cache.Generation).Principal);
    }
}
