using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lindung.Data;
using Lindung.Features.Dashboard;
using Lindung.Features.Users;
using Lindung.Security;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lindung.Data.LindungRoles;

namespace Lindung.Tests.Security;

/// <summary>
/// A scope without region, agency or the whole-installation flag sees nothing, whatever its role,
/// on SQLite and PostgreSQL: the registry queries, the reports, and the admin's user and API-key
/// management. Keys and cookies carry the same claims, so this holds for a key as for a user.
/// </summary>
public sealed class FailClosedScopeTests
{
    public static TheoryData<string> Providers => ApiWorld.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_scoped_query_returns_nothing_for_a_scope_without_regions(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var failures = new StringBuilder();
        foreach (var role in All)
        {
            var empty = new AccessScope(new HashSet<string> { role }, [], null, "nobody@test");
            var counts = new Dictionary<string, int>
            {
                ["agencies"] = await db.AgenciesFor(empty).CountAsync(),
                ["workers"] = await db.WorkersFor(empty).CountAsync(),
                ["employments"] = await db.EmploymentsFor(empty).CountAsync(),
                ["memberships"] = await db.MembershipsFor(empty).CountAsync(),
                ["employers"] = await db.EmployersFor(empty).CountAsync(),
                ["results"] = await db.ReconciliationResultsFor(empty).CountAsync(),
                ["runs"] = await db.ReconciliationRunsFor(empty).CountAsync(),
                ["api keys"] = await db.ApiKeysFor(empty).CountAsync(),
                ["import jobs"] = await db.ImportJobsFor(empty).CountAsync(),
                ["audit events"] = await db.AuditEventsFor(empty).CountAsync(),
                ["users"] = (await UserScope.UsersForAsync(db, empty, CancellationToken.None)).Count,
            };
            foreach (var (what, count) in counts.Where(c => c.Value != 0))
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{role} without regions sees {count} {what}");
            }

            Assert.NotNull(ReportScope.From(empty).Regions);
            Assert.False(ReportScope.From(empty).Allows(ApiWorld.Region));
        }

        Assert.True(failures.Length == 0, $"{provider}:\n{failures}");

        // The same queries with the flag see everything: the flag, not an empty list, means "all".
        var whole = new AccessScope(new HashSet<string> { RegionalAdmin }, [], null, "whole@test", WholeInstallation: true);
        Assert.Equal(3, await db.WorkersFor(whole).CountAsync());
        Assert.Equal(3, await db.AgenciesFor(whole).CountAsync());
        Assert.Equal(2, await db.ApiKeysFor(whole).CountAsync());
        Assert.Equal(await db.AuditEvents.CountAsync(), await db.AuditEventsFor(whole).CountAsync());
    }

    [Fact]
    public void Claims_without_the_flag_never_read_as_the_whole_installation()
    {
        var identity = new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "a@test"), new(System.Security.Claims.ClaimTypes.Role, RegionalAdmin)], "test");
        Assert.False(AccessScope.From(new(identity)).WholeInstallation);
        Assert.False(AccessScope.From(new(identity)).Covers(ApiWorld.Region));

        identity.AddClaim(new(LindungClaims.WholeInstallation, "true"));
        Assert.True(AccessScope.From(new(identity)).Covers(ApiWorld.Region));
    }

    // API-key management per admin scope. Columns: whole-installation admin, admin of 35.77,
    // admin without region. Cells: keys listed; status of issuing a key for 35.77 and for 35.19;
    // status of revoking the fixture key of 35.77 and of 35.19.
    private static readonly (string Admin, int Listed, string Issue, string Revoke)[] KeyTable =
    [
        ("whole", 2, "201 201", "204 204"),
        ("35.77", 1, "201 400", "204 404"),
        ("none", 0, "400 400", "404 404"),
    ];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Api_key_management_stays_inside_the_admins_regions(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var failures = new StringBuilder();
        foreach (var (admin, listed, issue, revoke) in KeyTable)
        {
            using var client = admin switch
            {
                "whole" => await TestUsers.SignedInClientAsync(world.App, RegionalAdmin),
                "35.77" => await TestUsers.SignedInClientAsync(world.App, RegionalAdmin, null, ApiWorld.Region),
                _ => await SignedInAsync(world, new AddUserRequest($"none-{Guid.NewGuid():N}@t.id", RegionalAdmin)),
            };

            var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/api-keys?pageSize=200", UriKind.Relative));
            var fixtureKeys = list.GetProperty("items").EnumerateArray()
                .Count(k => k.GetProperty("prefix").GetString() is "aaaaaaaaaaaa" or "bbbbbbbbbbbb");
            if (fixtureKeys != listed)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{admin}: lists {fixtureKeys} fixture keys, expected {listed}");
            }

            var issued = new List<string>();
            foreach (var region in new[] { ApiWorld.Region, ApiWorld.OtherRegion })
            {
                using var response = await client.PostAsJsonAsync(
                    new Uri("/api/v1/api-keys", UriKind.Relative), new { name = "sistem perizinan", role = LicensingOfficer, region_code = region });
                issued.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            if (string.Join(' ', issued) != issue)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{admin}: issuing for 35.77/35.19 answered {string.Join(' ', issued)}, expected {issue}");
            }

            // Revocation is idempotent, so the whole-installation admin revoking first does not change later answers.
            var revoked = new List<string>();
            foreach (var key in new[] { world.KeyIn, world.KeyOut })
            {
                using var response = await client.PostAsync(new Uri($"/api/v1/api-keys/{key.Id}/revoke", UriKind.Relative), null);
                revoked.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            if (string.Join(' ', revoked) != revoke)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{admin}: revoking 35.77/35.19 answered {string.Join(' ', revoked)}, expected {revoke}");
            }
        }

        Assert.True(failures.Length == 0, $"{provider}:\n{failures}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_signed_in_admin_without_region_or_flag_sees_no_registry_rows(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var none = await SignedInAsync(world, new AddUserRequest($"none-{Guid.NewGuid():N}@t.id", RegionalAdmin));
        using var whole = await TestUsers.SignedInClientAsync(world.App, RegionalAdmin);

        // The workers list counts only when asked (count=true): it is keyset-paged.
        foreach (var path in new[] { "/api/v1/workers?count=true", "/api/v1/agencies", "/api/v1/employers", "/api/v1/imports" })
        {
            var seen = await none.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
            Assert.True(seen.GetProperty("total").GetInt32() == 0, $"{path}: {seen}");
            var all = await whole.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
            Assert.True(all.GetProperty("total").GetInt32() > 0, $"{path} as the whole-installation admin: {all}");
        }

        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(none, $"/workers/{world.WorkerA.Id}"));
    }

    private static async Task<HttpClient> SignedInAsync(ApiWorld world, AddUserRequest request)
    {
        var email = await TestUsers.CreateAsync(world.App.Services, request);
        var client = world.App.CreateClient();
        using var response = await TestUsers.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
