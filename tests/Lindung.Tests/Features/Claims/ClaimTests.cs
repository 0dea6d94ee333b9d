using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Claims;

/// <summary>
/// Claims through the API on both databases: coverage on the event day is decided when a claim is
/// recorded, an uncovered accident's liability follows the benefit book on the job's wage, the SLA clock
/// counts working days from complete documents, a claim only moves forward, and an agency operator records only its own staff's
/// claims while a leader reads the figures without names.
/// </summary>
public sealed class ClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero); // a Friday

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Claims_run_against_their_SLA_and_an_uncovered_accident_shows_the_agencys_liability(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var rina = new Worker { Nik = "3577015505900003", Name = "Rina Lestari", RegionCode = "35.77.01.1001" };
            db.Workers.Add(rina);
            db.Employments.Add(new Employment
            {
                WorkerId = rina.Id,
                AgencyId = world.AgencyA.Id,
                Category = WorkerCategory.Honorer,
                MonthlyWage = 3_000_000,
                FundingSource = FundingSource.Apbd,
                ValidFrom = new DateOnly(2025, 1, 1),
                RegionCode = world.AgencyA.RegionCode,
            });
            await db.SaveChangesAsync();
        }

        using var agency = await world.ClientAsync(LindungRoles.AgencyOperator);
        var covered = await RecordAsync(agency, new { nik = world.WorkerA.Nik, kind = "jkk", event_date = "2026-11-10", claim_date = "2026-11-11", documents_complete_on = "2026-11-12" });
        Assert.True(covered.GetProperty("covered_on_event").GetBoolean());
        Assert.Equal(JsonValueKind.Null, covered.GetProperty("liability").ValueKind);
        Assert.Equal("COMPLETE", covered.GetProperty("status").GetString());

        // Rina works for agency A on Rp3,000,000 and had no membership: a fatal work accident is 48 × wage + 12 jt + 10 jt on the agency.
        var uncovered = await RecordAsync(agency, new { nik = "3577015505900003", kind = "jkk", death = true, event_date = "2026-11-01" });
        Assert.False(uncovered.GetProperty("covered_on_event").GetBoolean());
        Assert.Equal(166_000_000, uncovered.GetProperty("liability").GetInt64());
        Assert.Equal(world.AgencyA.Id, uncovered.GetProperty("agency_id").GetGuid());

        await AssertRefusedAsync(agency, "/api/v1/claims", new { nik = world.WorkerC.Nik, kind = "jkk", event_date = "2026-11-01" }, "CLAIM_WORKER_NOT_FOUND");
        await AssertRefusedAsync(agency, "/api/v1/claims", new { nik = world.WorkerA.Nik, kind = "jkk", event_date = "2026-11-10", claim_date = "2026-11-09" }, "CLAIM_DATES_ORDER");
        await AssertRefusedAsync(agency, "/api/v1/claims", new { nik = world.WorkerA.Nik, kind = "jkx", event_date = "2026-12-05" }, "CLAIM_KIND_INVALID");

        // Documents complete Thursday 12 November; by Friday 4 December sixteen working days have passed against a JKK SLA of seven.
        var list = await JsonApi.GetOkAsync(agency, "/api/v1/claims");
        var late = list.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == covered.GetProperty("id").GetGuid());
        Assert.Equal((16, 7, true), (late.GetProperty("working_days_elapsed").GetInt32(), late.GetProperty("sla_working_days").GetInt32(), late.GetProperty("overdue").GetBoolean()));
        var summary = list.GetProperty("summary");
        Assert.Equal((1, 1, 166_000_000L), (summary.GetProperty("overdue").GetInt32(), summary.GetProperty("uncovered_this_year").GetInt32(), summary.GetProperty("uncovered_liability_this_year").GetInt64()));

        await AssertRefusedAsync(agency, $"/api/v1/claims/{covered.GetProperty("id").GetGuid()}", new { status = "paid" }, "CLAIM_STATUS_INVALID");
        await AssertRefusedAsync(agency, $"/api/v1/claims/{covered.GetProperty("id").GetGuid()}", new { status = "paid", paid_on = "2026-11-20", paid_amount = 0 }, "CLAIM_PAID_AMOUNT");
        await AssertRefusedAsync(agency, $"/api/v1/claims/{covered.GetProperty("id").GetGuid()}", new { status = "submitted" }, "CLAIM_STATUS_BACKWARDS");
        await JsonApi.PostOkAsync(agency, $"/api/v1/claims/{covered.GetProperty("id").GetGuid()}", new { status = "paid", paid_on = "2026-11-20", paid_amount = 5_000_000 });
        await AssertRefusedAsync(agency, $"/api/v1/claims/{covered.GetProperty("id").GetGuid()}", new { status = "rejected" }, "CLAIM_STATUS_BACKWARDS");
        summary = (await JsonApi.GetOkAsync(agency, "/api/v1/claims")).GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("overdue").GetInt32());
        Assert.Equal(6, summary.GetProperty("median_days_to_payment").GetDouble()); // 13, 16, 17, 18, 19, 20 November

        // Another agency's claim (the fixture's, agency B) is not this operator's to change.
        using (var other = await agency.PostAsJsonAsync(new Uri($"/api/v1/claims/{world.ClaimIn.Id}", UriKind.Relative), new { status = "rejected" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using var leader = await world.ClientAsync(LindungRoles.Leader);
        var leaderList = await JsonApi.GetOkAsync(leader, "/api/v1/claims");
        Assert.All(leaderList.GetProperty("claims").EnumerateArray(), c => Assert.Equal(("—", string.Empty), (c.GetProperty("worker_name").GetString(), c.GetProperty("nik_masked").GetString())));
        Assert.Equal(166_000_000, leaderList.GetProperty("summary").GetProperty("uncovered_liability_this_year").GetInt64());
    }

    private static async Task<JsonElement> RecordAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AssertRefusedAsync(HttpClient client, string path, object body, string code)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Contains(code, text, StringComparison.Ordinal);
    }
}
