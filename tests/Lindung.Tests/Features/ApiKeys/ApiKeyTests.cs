using System.Net;
using System.Net.Http.Headers;
using Lindung.Data;
using Lindung.Features.ApiKeys;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.ApiKeys;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task A_key_works_as_bearer_or_header_and_is_refused_when_wrong_or_revoked()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        var (client, row) = await world.KeyClientAsync(LindungRoles.LicensingOfficer);
        using (client)
        {
            var key = client.DefaultRequestHeaders.Authorization!.Parameter!;
            using (var ok = await client.GetAsync(new Uri("/api/v1/employers", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            }

            using (var forbidden = await client.GetAsync(new Uri("/api/v1/workers", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
                Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
            }

            using var header = world.App.CreateClient();
            header.DefaultRequestHeaders.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await header.GetAsync(new Uri("/api/v1/employers", UriKind.Relative))).StatusCode);

            using var wrong = world.App.CreateClient();
            wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key[..^4] + "0000");
            using var refused = await wrong.GetAsync(new Uri("/api/v1/employers", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

            await using (var scope = world.App.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                var stored = await db.ApiKeys.SingleAsync(k => k.Id == row.Id);
                Assert.NotNull(stored.LastUsedAt);
                Assert.Equal(ApiKeyToken.Hash(key), stored.SecretHash);
                Assert.DoesNotContain(key[(4 + 12 + 1)..], await db.AuditEvents.Select(e => e.After ?? string.Empty).ToListAsync());
                await IssueApiKey.RevokeAsync(db, stored, DateTime.UtcNow, CancellationToken.None);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/employers", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task Unauthenticated_api_requests_get_401_problems_never_the_sign_in_page()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        using var anonymous = world.App.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/api/v1/workers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cli_creates_a_key_printed_once_and_revokes_it_by_prefix()
    {
        using var temp = new TempDirectory();

        var created = await CliRun.ExecuteAsync("apikey", "create", "--name", "OSS DPMPTSP", "--role", "LicensingOfficer", "--region", "3577", "--data", temp.Path);
        var missingRegion = await CliRun.ExecuteAsync("apikey", "create", "--name", "X", "--role", "LicensingOfficer", "--data", temp.Path);

        Assert.Equal(0, created.ExitCode);
        var key = created.OutLines.Single(l => l.StartsWith("Key ", StringComparison.Ordinal)).Split(' ')[^1];
        var prefix = ApiKeyToken.PrefixOf(key);
        Assert.NotNull(prefix);
        Assert.Contains("for region 35.77", created.Out, StringComparison.Ordinal);
        Assert.Equal(2, missingRegion.ExitCode);
        Assert.Contains("--region", missingRegion.Error, StringComparison.Ordinal);

        var revoked = await CliRun.ExecuteAsync("apikey", "revoke", prefix, "--data", temp.Path);
        var unknown = await CliRun.ExecuteAsync("apikey", "revoke", "000000000000", "--data", temp.Path);

        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(2, unknown.ExitCode);
    }
}
