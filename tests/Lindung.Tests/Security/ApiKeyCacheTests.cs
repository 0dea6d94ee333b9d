using System.Net;
using Lindung.Data;
using Lindung.Features.ApiKeys;
using Lindung.Tests.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Security;

/// <summary>
/// API keys are kept in memory between requests for a few seconds, but a key revoked in this
/// process is refused on its very next request, whether it was revoked by an administrator's API
/// call or by the use case directly, on both databases.
/// </summary>
public sealed class ApiKeyCacheTests
{
    private static readonly Uri Employers = new("/api/v1/employers", UriKind.Relative);

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_cached_key_is_refused_on_the_next_request_after_its_revocation(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var (first, firstRow) = await world.KeyClientAsync(LindungRoles.LicensingOfficer);
        var (second, secondRow) = await world.KeyClientAsync(LindungRoles.LicensingOfficer);
        using (first)
        using (second)
        {
            // Used twice each: the second request is answered from the cache.
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(Employers)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Employers)).StatusCode);
            }

            using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
            using (var revoked = await admin.PostAsync(new Uri($"/api/v1/api-keys/{firstRow.Id}/revoke", UriKind.Relative), null))
            {
                Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync(Employers)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Employers)).StatusCode);

            await using (var scope = world.App.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                await IssueApiKey.RevokeAsync(db, await db.ApiKeys.SingleAsync(k => k.Id == secondRow.Id), DateTime.UtcNow, CancellationToken.None);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(Employers)).StatusCode);
        }
    }
}
