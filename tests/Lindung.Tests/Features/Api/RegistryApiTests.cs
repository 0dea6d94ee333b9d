using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Api;

/// <summary>The registry API's behaviour beyond status codes: scope isolation, masking, paging, validation, audit.</summary>
public sealed class RegistryApiTests
{
    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_agency_operator_cannot_reach_another_agencys_worker_by_any_route(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var cookie = await world.ClientAsync(LindungRoles.AgencyOperator);
        var (key, _) = await world.KeyClientAsync(LindungRoles.AgencyOperator, world.AgencyA.Code);
        using var keyClient = key;
        var other = world.WorkerB;

        foreach (var client in new[] { cookie, keyClient })
        {
            var list = await GetJsonAsync(client, "/api/v1/workers?pageSize=200");
            Assert.Equal([world.WorkerA.Id.ToString()], list.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetString()));
            var byNik = await GetJsonAsync(client, $"/api/v1/workers?q={other.Nik}&count=true");
            Assert.Equal(0, byNik.GetProperty("total").GetInt32());
            var byName = await GetJsonAsync(client, "/api/v1/workers?q=budi&count=true");
            Assert.Equal(0, byName.GetProperty("total").GetInt32());
            foreach (var path in new[] { $"/api/v1/workers/{other.Id}", $"/api/v1/workers/{other.Id}/employments", $"/api/v1/workers/{other.Id}/memberships" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain(other.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using var put = await client.PutAsJsonAsync(new Uri($"/api/v1/workers/{other.Id}", UriKind.Relative), new { nik = other.Nik, name = "X", region_code = "35.77" });
            Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_page_read_once_is_served_again_only_within_its_scope_and_never_after_a_commit(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var officer = await world.ClientAsync(LindungRoles.BranchOfficer);
        using var agencyOperator = await world.ClientAsync(LindungRoles.AgencyOperator);
        const string Path = "/api/v1/workers?pageSize=200";
        static string[] Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("name").GetString()!)];

        // The page is kept for the officer's scope, under the database's current version. (On PostgreSQL
        // another test's commit in the shared cluster can move the version between the read and the
        // look-up; that round proves nothing and repeats.)
        var key = new Lindung.Features.Workers.WorkerPageKey(
            "regions:" + ApiWorld.Region, null, new Lindung.Features.Api.Paging(1, 200), null, false);
        var kept = false;
        for (var attempt = 0; attempt < 20 && !kept; attempt++)
        {
            Assert.Equal([world.WorkerB.Name, world.WorkerA.Name], Names(await GetJsonAsync(officer, Path)));
            var version = await world.App.Services.GetRequiredService<DatabaseVersion>().ReadAsync(CancellationToken.None);
            kept = world.App.Services.GetRequiredService<Lindung.Features.Workers.WorkerPageCache>().Pages!.TryGet(version, key, out _);
        }

        Assert.True(kept, "the page read was not kept for the officer's scope");

        // The same request in another scope is that scope's own answer, not the officer's page.
        Assert.Equal([world.WorkerA.Name], Names(await GetJsonAsync(agencyOperator, Path)));

        // A commit from outside the request path (as a CLI import would make) shows on the next read.
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var worker = await db.Workers.SingleAsync(w => w.Id == world.WorkerB.Id);
            worker.Name = "Budi Santoso Baru";
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Budi Santoso Baru", world.WorkerA.Name], Names(await GetJsonAsync(officer, Path)));
    }

    [Fact]
    public async Task Lists_mask_the_nik_the_worker_shows_it_whole_json_is_snake_case_and_paged()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        using var client = await world.ClientAsync(LindungRoles.BranchOfficer);

        var page = await GetJsonAsync(client, "/api/v1/workers?page=1&pageSize=1&count=true");
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(1, page.GetProperty("page_size").GetInt32());
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Matches("^[0-9]{6}\\*{6}[0-9]{4}$", item.GetProperty("nik").GetString());
        Assert.Equal("35.77.02.1001", item.GetProperty("region_code").GetString());
        Assert.Equal("BPJS_TK", item.GetProperty("scheme").GetString());

        var worker = await GetJsonAsync(client, $"/api/v1/workers/{world.WorkerA.Id}");
        Assert.Equal(world.WorkerA.Nik, worker.GetProperty("nik").GetString());
        Assert.False(worker.GetProperty("nik_masked").GetBoolean());
        var memberships = await GetJsonAsync(client, $"/api/v1/workers/{world.WorkerA.Id}/memberships");
        Assert.Equal(["JKK", "JKM"], memberships.GetProperty("items")[0].GetProperty("programs").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("/api/v1/workers?pageSize=201", null, "pageSize", "Ukuran halaman 1 sampai 200.")]
    [InlineData("/api/v1/workers?pageSize=201&lang=en", null, "pageSize", "Page size must be 1 to 200.")]
    [InlineData("/api/v1/workers?page=0", "en-GB,en;q=0.9", "page", "Pages start at 1.")]
    [InlineData("/api/v1/workers?page=0", "id-ID", "page", "Halaman dimulai dari 1.")]
    public async Task Paging_errors_are_validation_problems_in_the_callers_language(string path, string? acceptLanguage, string field, string message)
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        using var client = await world.ClientAsync(LindungRoles.RegionalAdmin);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Creating_a_worker_does_not_say_whether_a_nik_outside_the_callers_scope_is_registered(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var cookie = await world.ClientAsync(LindungRoles.AgencyOperator);
        var (key, _) = await world.KeyClientAsync(LindungRoles.AgencyOperator, world.AgencyA.Code);
        using var keyClient = key;

        foreach (var client in new[] { cookie, keyClient })
        {
            // Worker B works at agency B: refused without "registered", and nothing about them in the answer.
            var outside = await CreateProblemAsync(client, world.WorkerB.Nik);
            Assert.Equal("nik_unavailable", outside.GetProperty("codes").GetProperty("nik").GetString());
            Assert.DoesNotContain("already registered", outside.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(world.WorkerB.Name, outside.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(world.AgencyB.Code, outside.ToString(), StringComparison.Ordinal);

            // Their own worker A: the plain answer, as before.
            var own = await CreateProblemAsync(client, world.WorkerA.Nik);
            Assert.Equal("nik_taken", own.GetProperty("codes").GetProperty("nik").GetString());
        }

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(1, await db.Workers.CountAsync(w => w.Nik == world.WorkerB.Nik));
        Assert.False(await db.Employments.AnyAsync(e => e.WorkerId == world.WorkerB.Id && e.AgencyId == world.AgencyA.Id));
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_foreign_worker_is_entered_by_passport_and_nationality_once(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var officer = await world.ClientAsync(LindungRoles.BranchOfficer);
        var body = new { name = "Li Wei", travel_document = "e 4821-3377", nationality = "Tiongkok", birth_date = "1979-04-12", sex = "L", region_code = "35.77" };

        using var created = await officer.PostAsJsonAsync(new Uri("/api/v1/workers", UriKind.Relative), body);
        using var again = await officer.PostAsJsonAsync(new Uri("/api/v1/workers", UriKind.Relative), body with { name = "Li Wei (2)" });
        using var bad = await officer.PostAsJsonAsync(
            new Uri("/api/v1/workers", UriKind.Relative), new { name = "Tan", travel_document = "E12", nationality = "Atlantis", region_code = "35.77" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var worker = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        // The branch sees NIKs whole, so the document too; the key stands where a NIK would.
        var key = new Lindung.Domain.Identifiers.ForeignIdentity("CHN", "E48213377").RegistryKey;
        Assert.Equal(("CHN", "E48213377", key), (worker.GetProperty("nationality").GetString(), worker.GetProperty("travel_document").GetString(), worker.GetProperty("nik").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var taken = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("nik_taken", taken.GetProperty("codes").GetProperty("travel_document").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var codes = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("codes");
        Assert.Equal(
            [("birth_date", "DATE_EMPTY"), ("nationality", "NATIONALITY_UNKNOWN"), ("sex", "SEX_INVALID"), ("travel_document", "FOREIGN_DOCUMENT_INVALID")],
            codes.EnumerateObject().Select(p => (p.Name, p.Value.GetString())).Order());

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var stored = await db.Workers.SingleAsync(w => w.Nationality != null);
        Assert.Equal((key, "E48213377"), (stored.Nik, stored.TravelDocument));
    }

    [Fact]
    public async Task Invalid_worker_gets_one_error_per_field_with_codes()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        using var client = await world.ClientAsync(LindungRoles.AgencyOperator);

        using var response = await client.PostAsJsonAsync(
            new Uri("/api/v1/workers?lang=en", UriKind.Relative), new { nik = "12345", name = "", region_code = "99.99" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = problem.GetProperty("errors");
        Assert.Equal(["category", "name", "nik", "region_code"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("required", problem.GetProperty("codes").GetProperty("name").GetString());
        Assert.Equal("region_unknown", problem.GetProperty("codes").GetProperty("region_code").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Every_write_is_audited_with_the_signed_in_or_keyed_actor(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var operatorEmail = await TestUsers.CreateAsync(world.App.Services, LindungRoles.AgencyOperator, world.AgencyA.Code);
        using var operatorClient = world.App.CreateClient();
        (await TestUsers.SignInAsync(operatorClient, operatorEmail)).Dispose();
        var nik = Lindung.Domain.Identifiers.Nik.Compose("35.77.03", new DateOnly(1995, 2, 3), Lindung.Domain.Identifiers.Sex.P, 7);

        using var created = await operatorClient.PostAsJsonAsync(
            new Uri("/api/v1/workers", UriKind.Relative), new { nik, name = "Dewi Lestari", region_code = "35.77.03.1001", category = "GTT", monthly_wage = 1_800_000 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var worker = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var workerId = worker.GetProperty("id").GetString()!;
        Assert.Equal("P", worker.GetProperty("sex").GetString());
        Assert.Equal("1995-02-03", worker.GetProperty("birth_date").GetString());

        var (admin, keyRow) = await world.KeyClientAsync(LindungRoles.RegionalAdmin);
        using (admin)
        {
            using var updated = await admin.PutAsJsonAsync(
                new Uri($"/api/v1/agencies/{world.AgencyA.Id}", UriKind.Relative),
                new { code = "OPD-A", name = "Dinas Pendidikan dan Kebudayaan", kind = "DINAS", region_code = "35.77" });
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            using var issued = await admin.PostAsJsonAsync(
                new Uri("/api/v1/api-keys", UriKind.Relative), new { name = "OSS DPMPTSP", role = "LicensingOfficer", region_code = "35.77" });
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            var issuedId = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("api_key").GetProperty("id").GetString();
            using var revoked = await admin.PostAsync(new Uri($"/api/v1/api-keys/{issuedId}/revoke", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

            await using var scope = world.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var events = await db.AuditEvents.Where(e => e.Actor != "system").OrderBy(e => e.Id).ToListAsync();
            var keyActor = "apikey:" + keyRow.Prefix;
            Assert.Equal(
                [
                    (operatorEmail, AuditAction.Create, nameof(Worker), workerId),
                    (operatorEmail, AuditAction.Create, nameof(Employment), null),
                    (keyActor, AuditAction.Update, nameof(Agency), world.AgencyA.Id.ToString()),
                    (keyActor, AuditAction.Create, nameof(ApiKey), issuedId),
                    (keyActor, AuditAction.Update, nameof(ApiKey), issuedId),
                ],
                events.Select(e => (e.Actor, e.Action, e.EntityType, e.EntityType == nameof(Employment) ? null : e.EntityKey)));
        }
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_endpoint_with_a_summary_and_a_tag()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        using var anonymous = world.App.CreateClient();
        var document = await GetJsonAsync(anonymous, "/openapi/v1.json");
        var paths = document.GetProperty("paths");

        var endpoints = world.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => (Path: System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), ":[a-z]+}", "}"), Method: m.ToLowerInvariant())))
            .ToList();

        Assert.Equal(91, endpoints.Count); // 15 registry, 8 import (with confirm and undo), 7 reconciliation (with cancel), 1 report, 1 compliance, 3 certificate, 2 licence-check, 2 audit-trail, 2 branch, 7 contract (with import), 1 DCI search, 1 budget, 6 village, 6 sponsor, 5 group, 3 field, 1 actions, 10 enforcement (with bulk opening and its candidates), 4 claims (with import) and 6 ticket endpoints
        Assert.All(endpoints, e =>
        {
            Assert.True(paths.TryGetProperty(e.Path, out var item), $"{e.Path} is not in the document");
            Assert.True(item.TryGetProperty(e.Method, out var operation), $"{e.Method} {e.Path} is not in the document");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
            Assert.NotEmpty(operation.GetProperty("tags").EnumerateArray());
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
        });
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> CreateProblemAsync(HttpClient client, string nik)
    {
        using var response = await client.PostAsJsonAsync(
            new Uri("/api/v1/workers?lang=en", UriKind.Relative), new { nik, name = "Nama Lain", region_code = "35.77.01.1001", category = "GTT" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
