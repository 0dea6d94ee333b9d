using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Interop;

public sealed class DciSearchTests
{
    private const string Path = "/api/v1/dci/registry/sync/search";

    public static TheoryData<string> Providers => ApiWorld.Providers;

    private static object Search(params (string Reference, string QueryType, string Type, string Value)[] items) => new
    {
        header = new { message_id = "M-1", message_ts = "2026-12-05T10:00:00.000Z", action = "search", sender_id = "dtsen" },
        message = new
        {
            transaction_id = "T-1",
            search_request = items.Select(i => new
            {
                reference_id = i.Reference,
                timestamp = "2026-12-05T10:00:00.000Z",
                search_criteria = new { query_type = i.QueryType, query = new { type = i.Type, value = i.Value } },
            }),
        },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_interop_key_learns_enrolled_segment_and_active_and_nothing_else_and_every_query_is_audited(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var (client, key) = await world.KeyClientAsync(LindungRoles.InteropClient);
        var unknown = world.WorkerA.Nik[..12] + "0999";

        using var response = await client.PostAsJsonAsync(Path, Search(
            ("R-1", "idtype-value", "NIK", world.WorkerA.Nik),
            ("R-2", "idtype-value", "NIK", world.WorkerC.Nik),
            ("R-3", "idtype-value", "NIK", unknown),
            ("R-4", "idtype-value", "NIK", "123"),
            ("R-5", "expression", "NIK", world.WorkerA.Nik)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        Assert.Equal("T-1", json.RootElement.GetProperty("message").GetProperty("transaction_id").GetString());
        Assert.Equal("part", json.RootElement.GetProperty("header").GetProperty("status").GetString());
        var results = json.RootElement.GetProperty("message").GetProperty("search_response").EnumerateArray().ToList();
        Assert.Equal(["R-1", "R-2", "R-3", "R-4", "R-5"], results.Select(r => r.GetProperty("reference_id").GetString()));
        Assert.Equal(["succ", "succ", "succ", "rjct", "rjct"], results.Select(r => r.GetProperty("status").GetString()));

        static JsonElement Record(JsonElement result) => result.GetProperty("data").GetProperty("reg_records")[0];
        Assert.True(Record(results[0]).GetProperty("enrolled").GetBoolean());
        Assert.Equal("PU", Record(results[0]).GetProperty("segment").GetString());
        Assert.True(Record(results[0]).GetProperty("active").GetBoolean());
        // Agency C's worker is a member in 35.19: the key of 35.77 answers for its own region's extracts.
        Assert.False(Record(results[1]).GetProperty("enrolled").GetBoolean());
        Assert.False(Record(results[2]).GetProperty("enrolled").GetBoolean());
        Assert.Equal("rjct.query.invalid", results[3].GetProperty("status_reason_code").GetString());
        Assert.Equal("rjct.query_type.invalid", results[4].GetProperty("status_reason_code").GetString());

        // Nothing about the person beyond the three facts: no name, KPJ, employer or wage.
        Assert.DoesNotContain(world.WorkerA.Name, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1234567890", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2500000", text, StringComparison.Ordinal);
        Assert.Equal(["active", "enrolled", "segment"], Record(results[0]).EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var audits = await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == "EnrolmentSearch").OrderBy(a => a.EntityKey).ToListAsync();
        Assert.Equal(["R-1", "R-2", "R-3", "R-4", "R-5"], audits.Select(a => a.EntityKey));
        Assert.All(audits, a => Assert.Equal(("apikey:" + key.Prefix, AuditAction.Searched), (a.Actor, a.Action)));
        Assert.Contains(world.WorkerA.Nik, audits[0].After, StringComparison.Ordinal);
        Assert.Contains("enrolled_active", audits[0].After, StringComparison.Ordinal);
        Assert.Contains("not_enrolled", audits[2].After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_interop_role_opens_the_search_and_nothing_else_and_no_other_role_opens_the_search(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var (interop, _) = await world.KeyClientAsync(LindungRoles.InteropClient);
        foreach (var path in new[] { "/api/v1/workers", "/api/v1/employers", "/api/v1/agencies", "/api/v1/audit-events", "/agencies" })
        {
            using var get = await interop.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(get.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{path}: {get.StatusCode}");
            Assert.NotEqual(HttpStatusCode.OK, get.StatusCode);
        }

        var (branch, _) = await world.KeyClientAsync(LindungRoles.BranchOfficer);
        using var refused = await branch.PostAsJsonAsync(Path, Search(("R-1", "idtype-value", "NIK", world.WorkerA.Nik)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var anonymous = await world.App.CreateClient().PostAsJsonAsync(Path, Search(("R-1", "idtype-value", "NIK", world.WorkerA.Nik)));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var empty = await interop.PostAsJsonAsync(Path, new { message = new { transaction_id = "T", search_request = Array.Empty<object>() } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("SEARCH_REQUEST_EMPTY", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_key_has_its_own_budget_of_searches_a_minute()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite), builder => builder.Configuration["Interop:RequestsPerMinute"] = "2");
        var (first, _) = await world.KeyClientAsync(LindungRoles.InteropClient);
        var (second, _) = await world.KeyClientAsync(LindungRoles.InteropClient);
        var body = Search(("R-1", "idtype-value", "NIK", world.WorkerA.Nik));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await first.PostAsJsonAsync(Path, body);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var other = await second.PostAsJsonAsync(Path, body);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
