using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Identifiers;
using Lindung.Features.Audit;
using Lindung.Security;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lindung.Data.LindungRoles;

namespace Lindung.Tests.Features.Audit;

/// <summary>
/// The audit trail on SQLite and PostgreSQL: each filter returns exactly its events, a caller reads
/// only its regions (nothing without one), pages run newest first, the auditor reads masked NIKs
/// and no identities, and an export holds the filtered rows and is itself audited.
/// </summary>
public sealed class AuditTrailTests
{
    private static readonly DateOnly March1 = new(2020, 3, 1);
    private static readonly DateOnly March31 = new(2020, 3, 31);
    private static readonly string WorkerNik = Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1990, 5, 5), Sex.P, 1);

    public static TheoryData<string> Providers => ApiWorld.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Filters_scope_paging_and_masking(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var (worker, agency, employer, user) = await SeedAsync(world);
        await using var services = world.App.Services.CreateAsyncScope();
        var search = services.ServiceProvider.GetRequiredService<SearchAuditTrail>();
        var whole = new AccessScope(new HashSet<string> { RegionalAdmin }, [], null, "whole@test", WholeInstallation: true);
        var march = new AuditTrailFilter(From: March1, To: March31);

        async Task<long[]> IdsAsync(AuditTrailFilter filter, AccessScope scope)
        {
            var result = await search.HandleAsync(filter, null, 200, scope, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
            return [.. result.Value.Items.Select(e => e.Id)];
        }

        // Newest first; each criterion alone returns exactly its events.
        Assert.Equal([user, employer, agency, worker], await IdsAsync(march, whole));
        Assert.Equal([worker], await IdsAsync(march with { Entity = "Worker" }, whole));
        Assert.Equal([worker], await IdsAsync(march with { Entity = "Worker", EntityKey = "k-worker" }, whole));
        Assert.Empty(await IdsAsync(march with { Entity = "Worker", EntityKey = "k-other" }, whole));
        Assert.Equal([employer, worker], await IdsAsync(march with { User = "a@test.id" }, whole));
        Assert.Equal([employer], await IdsAsync(march with { Action = "delete" }, whole));
        Assert.Equal([employer, agency], await IdsAsync(new AuditTrailFilter(From: new(2020, 3, 2), To: new(2020, 3, 3)), whole));

        // Regions: a restricted auditor or admin reads its own regions only; an installation-wide event only the whole installation.
        Assert.Equal([agency, worker], await IdsAsync(march, Scope(Auditor, ApiWorld.Region)));
        Assert.Equal([employer], await IdsAsync(march, Scope(Auditor, ApiWorld.OtherRegion)));
        Assert.Equal([agency, worker], await IdsAsync(march, Scope(RegionalAdmin, ApiWorld.Region)));

        // Fail closed: no region and no flag reads nothing, nor does a role the trail is not for.
        Assert.Empty(await IdsAsync(new AuditTrailFilter(), Scope(Auditor)));
        Assert.Empty(await IdsAsync(new AuditTrailFilter(), Scope(RegionalAdmin)));
        Assert.Empty(await IdsAsync(new AuditTrailFilter(), new AccessScope(new HashSet<string> { Leader }, [], null, "l@test", WholeInstallation: true)));

        // Keyset pages: two by two, newest first, until next is null.
        var first = (await search.HandleAsync(march, null, 2, whole, CancellationToken.None)).Value;
        Assert.Equal([user, employer], first.Items.Select(e => e.Id));
        Assert.NotNull(first.Next);
        var second = (await search.HandleAsync(march, first.Next, 2, whole, CancellationToken.None)).Value;
        Assert.Equal([agency, worker], second.Items.Select(e => e.Id));
        Assert.Null(second.Next);

        // Named refusals.
        Assert.Equal("AUDIT_RANGE_REVERSED", (await search.HandleAsync(new AuditTrailFilter(From: March31, To: March1), null, null, whole, CancellationToken.None)).Errors.Single().Code);
        Assert.Equal("AUDIT_RANGE_TOO_LONG", (await search.HandleAsync(new AuditTrailFilter(From: March1, To: March1.AddDays(SearchAuditTrail.MaxDays)), null, null, whole, CancellationToken.None)).Errors.Single().Code);
        Assert.Equal("AUDIT_ACTION_UNKNOWN", (await search.HandleAsync(new AuditTrailFilter(Action: "ERASE"), null, null, whole, CancellationToken.None)).Errors.Single().Code);
        Assert.Equal("AUDIT_CURSOR_INVALID", (await search.HandleAsync(march, "not-a-cursor", null, whole, CancellationToken.None)).Errors.Single().Code);

        // The auditor reads what changed, not who: NIK masked, name, birth date, sex and phone withheld.
        var audited = (await search.HandleAsync(march with { Entity = "Worker" }, null, null, Scope(Auditor, ApiWorld.Region), CancellationToken.None)).Value.Items.Single();
        var before = JsonDocument.Parse(audited.Before!).RootElement;
        Assert.Equal(Lindung.Domain.Identifiers.Nik.Mask(WorkerNik), before.GetProperty("nik").GetString());
        foreach (var column in new[] { "name", "birth_date", "sex", "phone" })
        {
            Assert.Equal(AuditJson.Withheld, before.GetProperty(column).GetString());
        }

        Assert.Equal("35.77.01.1001", before.GetProperty("region_code").GetString());
        Assert.DoesNotContain(WorkerNik, audited.Before + audited.After, StringComparison.Ordinal);
        Assert.Equal(["name"], audited.Changed);

        // The admin reads a list as lists are read: names, NIK masked, so no birth date.
        var listed = (await search.HandleAsync(march with { Entity = "Worker" }, null, null, whole, CancellationToken.None)).Value.Items.Single();
        var adminBefore = JsonDocument.Parse(listed.Before!).RootElement;
        Assert.Equal(Lindung.Domain.Identifiers.Nik.Mask(WorkerNik), adminBefore.GetProperty("nik").GetString());
        Assert.Equal("Siti Rahayu", adminBefore.GetProperty("name").GetString());
        Assert.Equal(AuditJson.Withheld, adminBefore.GetProperty("birth_date").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Export_holds_the_filtered_rows_and_is_audited(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var (worker, agency, _, _) = await SeedAsync(world);
        var auditorEmail = await TestUsers.CreateAsync(world.App.Services, Auditor, null, ApiWorld.Region);
        using var auditor = world.App.CreateClient();
        using (var signIn = await TestUsers.SignInAsync(auditor, auditorEmail))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var csv = await auditor.GetAsync(new Uri("/api/v1/audit-events/export?format=csv&from=2020-03-01&to=2020-03-31", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditExportFile.CsvHeader, lines[0]);
        Assert.Equal([agency, worker], lines.Skip(1).Select(l => long.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)));
        var text = string.Join('\n', lines);
        Assert.Contains(Lindung.Domain.Identifiers.Nik.Mask(WorkerNik), text, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkerNik, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti Rahayu", text, StringComparison.Ordinal);
        // The agency event's actor starts like a formula: it is written as text.
        Assert.Contains(",'=b@test.id,", text, StringComparison.Ordinal);

        await using (var services = world.App.Services.CreateAsyncScope())
        {
            var db = services.ServiceProvider.GetRequiredService<LindungDbContext>();
            var exported = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditAction.Exported).SingleAsync();
            Assert.Equal(auditorEmail, exported.Actor);
            Assert.Equal(ApiWorld.Region, exported.RegionCode);
            var after = JsonDocument.Parse(exported.After!).RootElement;
            Assert.Equal(2, after.GetProperty("rows").GetInt32());
            Assert.Equal("csv", after.GetProperty("format").GetString());
            Assert.Equal("masked", after.GetProperty("nik").GetString());
            Assert.Equal("2020-03-01", after.GetProperty("from").GetString());
        }

        // The admin's file carries the full NIK (the admin sees it on the worker's page); XLSX too.
        using var admin = await TestUsers.SignedInClientAsync(world.App, RegionalAdmin, null, ApiWorld.Region);
        using var adminCsv = await admin.GetAsync(new Uri("/api/v1/audit-events/export?entity=Worker&from=2020-03-01&to=2020-03-31", UriKind.Relative));
        Assert.Contains(WorkerNik, await adminCsv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var xlsx = await admin.GetAsync(new Uri("/api/v1/audit-events/export?format=xlsx&from=2020-03-01&to=2020-03-31", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(AuditExportFile.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);

        // The list API: the same scope, so the auditor reads the three exports of region 35.77, its own
        // among them; a reversed range is a named 400.
        var exports = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-events?action=EXPORTED", UriKind.Relative));
        Assert.Equal(3, exports.GetProperty("items").GetArrayLength());
        var own = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit-events?action=EXPORTED&user={Uri.EscapeDataString(auditorEmail)}", UriKind.Relative));
        Assert.Equal("EXPORTED", own.GetProperty("items").EnumerateArray().Single().GetProperty("action").GetString());
        using var reversed = await auditor.GetAsync(new Uri("/api/v1/audit-events?from=2020-03-31&to=2020-03-01&lang=en", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        var problem = await reversed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AUDIT_RANGE_REVERSED", problem.GetProperty("codes").GetProperty("from").GetString());

        // The page: masked NIK in the before/after, never the full one.
        var html = await auditor.GetStringAsync(new Uri("/audit?entity=Worker&from=2020-03-01&to=2020-03-31", UriKind.Relative));
        Assert.Contains(Lindung.Domain.Identifiers.Nik.Mask(WorkerNik), html, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkerNik, html, StringComparison.Ordinal);
    }

    private static AccessScope Scope(string role, params string[] regions) =>
        new(new HashSet<string> { role }, regions, null, $"{role}@test");

    /// <summary>Four events in March 2020 (before anything the fixture writes): one per region and one installation-wide.</summary>
    private static async Task<(long Worker, long Agency, long Employer, long User)> SeedAsync(ApiWorld world)
    {
        await using var services = world.App.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<LindungDbContext>();
        string Row(string name) => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["birth_date"] = "1990-05-05",
            ["name"] = name,
            ["nik"] = WorkerNik,
            ["phone"] = "081234567890",
            ["region_code"] = "35.77.01.1001",
            ["sex"] = "P",
        });
        var events = new[]
        {
            Event(new DateTime(2020, 3, 1, 10, 0, 0, DateTimeKind.Utc), "a@test.id", AuditAction.Update, "Worker", "k-worker", "35.77.01.1001", Row("Siti Rahayu"), Row("Siti Rahayu Putri")),
            Event(new DateTime(2020, 3, 2, 10, 0, 0, DateTimeKind.Utc), "=b@test.id", AuditAction.Create, "Agency", "k-agency", ApiWorld.Region, null, """{"name":"Dinas Sosial"}"""),
            Event(new DateTime(2020, 3, 3, 23, 59, 0, DateTimeKind.Utc), "a@test.id", AuditAction.Delete, "Employer", "k-employer", ApiWorld.OtherRegion, """{"name":"PT Lama"}""", null),
            Event(new DateTime(2020, 3, 5, 10, 0, 0, DateTimeKind.Utc), "system", AuditAction.LockedOut, "LindungUser", "k-user", "00.00", null, """{"email":"c@test.id"}"""),
        };
        db.AuditEvents.AddRange(events);
        await db.SaveChangesAsync();
        return (events[0].Id, events[1].Id, events[2].Id, events[3].Id);
    }

    private static AuditEvent Event(DateTime at, string actor, AuditAction action, string type, string key, string region, string? before, string? after) => new()
    {
        At = at,
        Actor = actor,
        Action = action,
        EntityType = type,
        EntityKey = key,
        RegionCode = region,
        Before = before,
        After = after,
    };
}
