using System.Net;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Compliance;
using Lindung.Tests.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Compliance;

/// <summary>
/// Every answered compliance check is audited through the in-memory queue, and a graceful stop
/// loses none: with a flush interval longer than the test, nothing is written while the app runs,
/// and every answer is in the audit trail once the host has stopped. Refused (malformed) checks
/// answer nothing and are not audited.
/// </summary>
public sealed class ComplianceAuditTests
{
    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_graceful_stop_writes_the_audit_of_every_answered_check(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, builder => builder.Configuration["Audit:FlushInterval"] = "01:00:00");
        var (client, key) = await world.KeyClientAsync(LindungRoles.LicensingOfficer);
        string[] identifiers = [world.EmployerIn.Npp!, "9999999999999", "0123456789012345"];
        var started = DateTime.UtcNow.AddSeconds(-1);
        using (client)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
            {
                using var response = await client.GetAsync(new Uri("/api/v1/compliance/employers/" + identifiers[i % 3], UriKind.Relative));
                return response.StatusCode;
            }));
            Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
            using var malformed = await client.GetAsync(new Uri("/api/v1/compliance/employers/12AB", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        Assert.Equal(0, await CountAsync(world));

        await world.App.App.StopAsync();

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == ComplianceAudit.EntityType).ToListAsync();
        Assert.Equal(30, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(AuditAction.Searched, e.Action);
            Assert.Equal("apikey:" + key.Prefix, e.Actor);
            Assert.Equal(ApiWorld.Region, e.RegionCode);
            Assert.InRange(e.At, started, DateTime.UtcNow);
            Assert.Null(e.Before);
        });
        // The appended rows sort by time as EF's own would (SQLite keeps times as text).
        var newest = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == ComplianceAudit.EntityType).OrderByDescending(e => e.At).FirstAsync();
        Assert.Equal(events.Max(e => e.At), newest.At);
        var asked = events.Select(e => JsonDocument.Parse(e.After!).RootElement).ToList();
        Assert.Equal([10, 10, 10], identifiers.Select(i => asked.Count(a => a.GetProperty("identifier").GetString() == i)));
        Assert.Equal(10, events.Count(e => e.EntityKey == world.EmployerIn.Id.ToString()));
        var known = asked.First(a => a.GetProperty("identifier").GetString() == world.EmployerIn.Npp);
        Assert.Equal("npp", known.GetProperty("kind").GetString());
        Assert.Equal(world.EmployerIn.Id.ToString(), known.GetProperty("employer_id").GetString());
        var unknown = asked.First(a => a.GetProperty("identifier").GetString() == "9999999999999");
        Assert.Equal("TIDAK_TERDAFTAR", unknown.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("employer_id").ValueKind);
    }

    private static async Task<int> CountAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LindungDbContext>().AuditEvents.CountAsync(e => e.EntityType == ComplianceAudit.EntityType);
    }
}
