using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Field;

/// <summary>
/// House-to-house capture on both databases, on 4 December 2026: a field officer of one village sends a
/// queue of captures (a new NIK, the same NIK again under another name, a bad NIK, a village not its own,
/// a resident the registry knows); each answers created, merged with the conflict named, rejected or
/// already; the new NIK becomes a resident a sponsor can adopt, and the lead follows the worker from
/// captured to willing to paid.
/// </summary>
public sealed class FieldCaptureTests
{
    private const string Village = "35.77.02.1001";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Captures_become_leads_once_and_a_lead_goes_from_captured_to_a_sponsor_paid_member(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var officerEmail = await TestUsers.CreateAsync(world.App.Services, LindungRoles.FieldOfficer, null, Village);
        using var officer = world.App.CreateClient();
        (await TestUsers.SignInAsync(officer, officerEmail)).Dispose();
        var rina = Lindung.Domain.Identifiers.Nik.Compose("35.77.02", new DateOnly(1985, 7, 9), Lindung.Domain.Identifiers.Sex.P, 77);
        Guid c1 = Guid.NewGuid(), c2 = Guid.NewGuid(), c3 = Guid.NewGuid(), c4 = Guid.NewGuid(), c5 = Guid.NewGuid(), c6 = Guid.NewGuid();

        var answer = await SyncAsync(officer, [
            Capture(c1, rina, "Rina Marlina", Village, occupation: "Buruh tani"),
            Capture(c2, rina, "Rina M.", Village, phone: "081234567890"),
            Capture(c3, "3577", "Salah Ketik", Village),
            Capture(c4, rina, "Rina Marlina", ApiWorld.VillageIn),
            Capture(c5, world.WorkerB.Nik, world.WorkerB.Name, Village),
            Capture(c6, rina, "Rina Marlina", Village, occupation: new string('x', 201)),
        ]);
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["created", "merged", "rejected", "rejected", "created", "rejected"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("OCCUPATION_TOO_LONG", results[5].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("name", results[1].GetProperty("conflicts")[0].GetProperty("field").GetString());
        Assert.Equal("NIK_LENGTH", results[2].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("VILLAGE_OUT_OF_SCOPE", results[3].GetProperty("errors")[0].GetProperty("code").GetString());

        // Sent again after a lost answer: recognised, nothing doubled.
        var again = await SyncAsync(officer, [Capture(c1, rina, "Rina Marlina", Village), Capture(c5, world.WorkerB.Nik, world.WorkerB.Name, Village)]);
        Assert.Equal(["already", "already"], again.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()));

        Guid leadId;
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            Assert.Equal(2, await db.FieldLeads.CountAsync(l => l.CapturedBy == officerEmail));
            var lead = await db.FieldLeads.Include(l => l.Worker).SingleAsync(l => l.Nik == rina);
            Assert.Equal(("Rina Marlina", "Buruh tani", "081234567890", Village, officerEmail), (lead.Name, lead.Occupation, lead.Phone, lead.Worker!.RegionCode, lead.CapturedBy));
            Assert.Equal(1, await db.Workers.CountAsync(w => w.Nik == world.WorkerB.Nik));
            leadId = lead.Id;
        }

        // WorkerB is already an active member: registered. Rina moves on by hand, never backwards.
        var pipeline = await JsonApi.GetOkAsync(officer, "/api/v1/leads");
        var row = Assert.Single(pipeline.GetProperty("pipeline").EnumerateArray());
        Assert.Equal((1, 1), (row.GetProperty("captured").GetInt32(), row.GetProperty("registered").GetInt32()));
        Assert.Equal("WILLING", (await JsonApi.PostOkAsync(officer, $"/api/v1/leads/{leadId}/stage", new { stage = "WILLING" })).GetProperty("stage").GetString());
        using (var back = await officer.PostAsJsonAsync(new Uri($"/api/v1/leads/{leadId}/stage", UriKind.Relative), new { stage = "CONTACTED" }))
        {
            Assert.Contains("LEAD_STAGE_INVALID", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A sponsor of the village finds Rina waiting, funds her from December; the admin records December paid; the next extract shows her membership.
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var sponsor = await JsonApi.PostOkAsync(admin, "/api/v1/sponsors", new { name = "BAZNAS", kind = "zakat", region_code = "35.77", villages = new[] { Village } });
        var sponsorId = sponsor.GetProperty("id").GetGuid();
        var waiting = (await JsonApi.GetOkAsync(admin, $"/api/v1/sponsors/{sponsorId}")).GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("name").GetString()).ToList();
        Assert.Contains("Rina Marlina", waiting);
        var rinaId = await WorkerIdAsync(world, rina);
        await JsonApi.PostOkAsync(admin, $"/api/v1/sponsors/{sponsorId}/pledges", new { workers = new[] { rinaId }, from = "2026-12", months = 12 });
        await JsonApi.PostOkAsync(admin, $"/api/v1/sponsors/{sponsorId}/ledger", new { action = "paid", through = "2026-12" });
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            db.Memberships.Add(new Membership
            {
                Kpj = "26000000777",
                WorkerId = rinaId,
                Segment = Lindung.Domain.Contributions.Segment.Bpu,
                Status = MembershipStatus.Active,
                ValidFrom = new DateOnly(2026, 12, 1),
                RegionCode = Village,
            });
            await db.SaveChangesAsync();
        }

        var recent = (await JsonApi.GetOkAsync(officer, "/api/v1/leads")).GetProperty("recent").EnumerateArray();
        Assert.Equal("PAID", recent.Single(r => r.GetProperty("id").GetGuid() == leadId).GetProperty("stage").GetString());
    }

    private static object Capture(Guid id, string nik, string name, string village, string? occupation = null, string? phone = null) =>
        new { capture_id = id, nik, name, occupation, phone, says_member = false, consent = true, village_code = village };

    private static async Task<Guid> WorkerIdAsync(ApiWorld world, string nik)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Workers.Where(w => w.Nik == nik).Select(w => w.Id).SingleAsync();
    }

    private static Task<JsonElement> SyncAsync(HttpClient client, object[] captures) => JsonApi.PostOkAsync(client, "/api/v1/field/captures", new { captures });
}
