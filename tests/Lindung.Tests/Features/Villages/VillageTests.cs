using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Villages;

/// <summary>
/// "Satu OPD Satu Desa Dampingan" on both databases: an admin assigns agencies to villages of their own
/// regency (a village outside it, an unknown code, an overlap refused by name), the village page counts
/// its residents by enrolment, the ranking orders villages and agencies, an end is undone, every change
/// is audited, and an agency operator sees only the villages its agency fosters.
/// </summary>
public sealed class VillageTests
{
    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_admin_assigns_villages_the_refusals_are_named_and_the_village_counts_its_residents(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);

        // Agency B fosters WorkerB's village; its one resident has an active PU membership.
        var assigned = await JsonApi.PostOkAsync(admin, "/api/v1/village-assignments", new { agency_id = world.AgencyB.Id, village_code = "35.77.02.1001" });
        Assert.Equal("Dinas Kesehatan", assigned.GetProperty("agency_name").GetString());
        Assert.Equal(JsonValueKind.Null, assigned.GetProperty("valid_to").ValueKind);

        await AssertRefusedAsync(admin, new { agency_id = world.AgencyB.Id, village_code = "35.77.02.1001" }, "valid_from", "ASSIGNMENT_OVERLAPS");
        await AssertRefusedAsync(admin, new { agency_id = world.AgencyC.Id, village_code = ApiWorld.VillageOut }, "agency_id", "AGENCY_NOT_FOUND");
        await AssertRefusedAsync(admin, new { agency_id = world.AgencyA.Id, village_code = "35.78.01.1001" }, "village_code", "VILLAGE_OUTSIDE_REGION");
        await AssertRefusedAsync(admin, new { agency_id = world.AgencyA.Id, village_code = "35.77.01.9999" }, "village_code", "VILLAGE_UNKNOWN");
        await AssertRefusedAsync(admin, new { agency_id = world.AgencyA.Id, village_code = "35.77.02.1001", valid_from = "2026-05-01", valid_to = "2026-04-01" }, "valid_to", "PERIOD_INVALID");

        // Two more residents of the village, one covered in the past only: known 3, enrolled 1, waiting 2.
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var past = new Worker { Nik = "3577025505900003", Name = "Rina", RegionCode = "35.77.02.1001" };
            db.AddRange(past, new Worker { Nik = "3577025505900004", Name = "Dewi", RegionCode = "35.77.02.1001" });
            db.Add(new Membership
            {
                Kpj = "99000000001",
                WorkerId = past.Id,
                Segment = Lindung.Domain.Contributions.Segment.Bpu,
                Status = MembershipStatus.Active,
                ValidFrom = new DateOnly(2025, 1, 1),
                ValidTo = new DateOnly(2025, 3, 1),
                RegionCode = "35.77.02.1001",
            });
            await db.SaveChangesAsync();
        }

        using (var population = await admin.PutAsJsonAsync(new Uri("/api/v1/villages/35.77.02.1001/population", UriKind.Relative), new { working_age_population = 1_200 }))
        {
            Assert.Equal(HttpStatusCode.OK, population.StatusCode);
        }

        using (var negative = await admin.PutAsJsonAsync(new Uri("/api/v1/villages/35.77.02.1001/population", UriKind.Relative), new { working_age_population = -5 }))
        {
            Assert.Contains("POPULATION_INVALID", await negative.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var village = await JsonApi.GetOkAsync(admin, "/api/v1/villages/35.77.02.1001");
        Assert.Equal(1_200, village.GetProperty("working_age_population").GetInt32());
        Assert.Equal((3, 1, 2), (village.GetProperty("known_workers").GetInt32(), village.GetProperty("enrolled").GetInt32(), village.GetProperty("waiting").GetInt32()));
        Assert.Equal("PU", village.GetProperty("by_segment")[0].GetProperty("segment").GetString());
        Assert.Equal(12, village.GetProperty("progress").GetArrayLength());
        Assert.Equal(1, village.GetProperty("progress")[11].GetProperty("enrolled").GetInt32());
        Assert.DoesNotContain("Rina", village.ToString(), StringComparison.Ordinal);

        // Ranking: both fostered villages (A's and B's) with one enrolled resident each; B's has three known.
        var ranking = await JsonApi.GetOkAsync(admin, "/api/v1/villages");
        var codes = ranking.GetProperty("villages").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ToList();
        Assert.Equal([ApiWorld.VillageIn, "35.77.02.1001"], codes);
        Assert.Equal(["Dinas Pendidikan", "Dinas Kesehatan"], ranking.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency_name").GetString()));

        // The budget planner prices the two waiting residents of B's village at the BPU minimum, APBD-paid (no PP 50/2025 discount).
        var budget = await JsonApi.PostOkAsync(admin, "/api/v1/budget/plan", new { from = "2027-01", months = 12, fostered_villages = new { payer = "APBD" } });
        var line = Assert.Single(budget.GetProperty("groups").EnumerateArray());
        Assert.Equal(("Pekerja rentan Manguharjo (35.77.02.1001)", 2, 16_800L * 12 * 2),
            (line.GetProperty("name").GetString(), line.GetProperty("count").GetInt32(), line.GetProperty("total").GetInt64()));

        // End, then undo: the row keeps its history and both changes are audited.
        var id = assigned.GetProperty("id").GetString();
        var ended = await JsonApi.PostOkAsync(admin, $"/api/v1/village-assignments/{id}/end", new { end_date = DateOnly.FromDateTime(DateTime.Today.AddDays(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.NotEqual(JsonValueKind.Null, ended.GetProperty("valid_to").ValueKind);
        var reopened = await JsonApi.PostOkAsync(admin, $"/api/v1/village-assignments/{id}/end", new { undo = true });
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("valid_to").ValueKind);
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var keys = await db.AuditEvents.Where(e => e.EntityType == nameof(VillageAssignment)).Select(e => e.EntityKey).ToListAsync();
            Assert.Equal(3, keys.Count(k => k.Contains(id!, StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_agency_operator_sees_only_the_villages_its_agency_fosters(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        await JsonApi.PostOkAsync(admin, "/api/v1/village-assignments", new { agency_id = world.AgencyB.Id, village_code = "35.77.02.1001" });

        using var operatorA = await world.ClientAsync(LindungRoles.AgencyOperator);
        var ranking = await JsonApi.GetOkAsync(operatorA, "/api/v1/villages");
        Assert.Equal([ApiWorld.VillageIn], ranking.GetProperty("villages").EnumerateArray().Select(v => v.GetProperty("code").GetString()));
        using var other = await operatorA.GetAsync(new Uri("/api/v1/villages/35.77.02.1001", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var write = await operatorA.PostAsJsonAsync(new Uri("/api/v1/village-assignments", UriKind.Relative), new { agency_id = world.AgencyA.Id, village_code = "35.77.01.1002" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpClient client, object body, string field, string code)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/village-assignments", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), text);
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.NotEqual(0, messages.GetArrayLength());
    }
}
