using System.Net;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Workers;

/// <summary>The workers API's keyset paging: cursor continuity, no repeats or holes, the size limit, and counts only on request.</summary>
public sealed class WorkersApiPagingTests
{
    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task After_cursor_walks_every_worker_once_in_name_order(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await SeedAsync(world, 23);
        using var client = await world.ClientAsync(LindungRoles.BranchOfficer);

        var whole = await RegistryApiTests.GetJsonAsync(client, "/api/v1/workers?pageSize=200&count=true");
        var expected = Ids(whole);
        Assert.Equal(whole.GetProperty("total").GetInt32(), expected.Count);
        Assert.Equal(25, expected.Count);
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("next").ValueKind);

        var walked = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var body = await RegistryApiTests.GetJsonAsync(client, "/api/v1/workers?pageSize=7" + (after is null ? string.Empty : "&after=" + after));
            // No count unless asked for: it would scan the region on every page.
            Assert.Equal(JsonValueKind.Null, body.GetProperty("total").ValueKind);
            Assert.Equal(7, body.GetProperty("page_size").GetInt32());
            var ids = Ids(body);
            Assert.InRange(ids.Count, 1, 7);
            walked.AddRange(ids);
            after = body.GetProperty("next").GetString();
            Assert.True(after is null == (walked.Count == expected.Count), $"next after {walked.Count} of {expected.Count}");
            pages++;
        }
        while (after is not null);

        Assert.Equal(4, pages);
        Assert.Equal(expected, walked);

        // Page numbers still work, and agree with the cursor.
        var third = await RegistryApiTests.GetJsonAsync(client, "/api/v1/workers?page=3&pageSize=7");
        Assert.Equal(expected.Skip(14).Take(7), Ids(third));
    }

    [Theory]
    [InlineData("/api/v1/workers?pageSize=201", "pageSize")]
    [InlineData("/api/v1/workers?pageSize=0", "pageSize")]
    [InlineData("/api/v1/workers?after=bm90LWEtY3Vyc29y", "after")]
    [InlineData("/api/v1/workers?after=%%%", "after")]
    [InlineData("/api/v1/workers?page=2&after=MDE5YTAwMDAwMDAwNzAwMDgwMDAwMDAwMDAwMDAwMDBB", "page")]
    public async Task Bad_paging_is_a_validation_problem(string path, string field)
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        using var client = await world.ClientAsync(LindungRoles.BranchOfficer);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    /// <summary>Workers living in Kota Madiun, several sharing a name so the id decides their order.</summary>
    private static async Task SeedAsync(ApiWorld world, int count)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        for (var i = 0; i < count; i++)
        {
            db.Workers.Add(new Worker
            {
                Nik = Lindung.Domain.Identifiers.Nik.Compose("35.77.03", new DateOnly(1980, 1, 1).AddDays(i), Lindung.Domain.Identifiers.Sex.P, 100 + i),
                Name = i % 3 == 0 ? "Sri Wahyuni" : $"Pekerja {(char)('A' + (i % 20))}",
                Sex = Lindung.Domain.Identifiers.Sex.P,
                RegionCode = "35.77.03.1001",
            });
        }

        await db.SaveChangesAsync();
    }

    private static List<string> Ids(JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetString()!)];
}
