using System.Net;
using System.Net.Http.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Sponsors;

/// <summary>
/// Bapak asuh on both databases, on 4 December 2026: an admin registers a sponsor for a village; the
/// sponsor's own account adopts two waiting workers; each month is priced as DOMAIN.md §3 works it out
/// by hand (PP 50/2025 discount for other sectors through December 2026, for transport through March
/// 2027, JHT never discounted); overlaps and bad pledges are refused by name; the ledger records payments;
/// a period ending within 30 days is handed over (renewed or to the worker) once, audited.
/// </summary>
public sealed class SponsorTests
{
    private const string Village = "35.77.02.1001";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_sponsor_adopts_waiting_workers_priced_month_by_month_and_the_ledger_follows_the_payments(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var (rina, dewi) = await AddWaitingAsync(world);
        var account = await TestUsers.CreateAsync(world.App.Services, LindungRoles.Sponsor);

        var created = await JsonApi.PostOkAsync(admin, "/api/v1/sponsors", new { name = "PT Sumber Rejeki (CSR)", kind = "csr", account_email = account.ToUpperInvariant(), region_code = "3577", villages = new[] { Village } });
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("35.77", created.GetProperty("region_code").GetString());
        await AssertRefusedAsync(admin, "/api/v1/sponsors", new { name = "X", kind = "bank", region_code = "35.19" }, "SPONSOR_KIND_INVALID", "region_out_of_scope");
        await AssertRefusedAsync(admin, "/api/v1/sponsors", new { name = "Y", kind = "zakat", account_email = account, region_code = "35.77", villages = new[] { "35.78.01.1001" } }, "SPONSOR_EMAIL_TAKEN", "SPONSOR_VILLAGE_INVALID");

        // The sponsor's own account lands on its sponsor and sees the village's two waiting workers (WorkerB is a PU member).
        using var sponsor = world.App.CreateClient();
        (await TestUsers.SignInAsync(sponsor, account)).Dispose();
        var own = await JsonApi.GetOkAsync(sponsor, "/api/v1/sponsors");
        Assert.Equal(id, Assert.Single(own.EnumerateArray()).GetProperty("id").GetGuid());
        var waiting = (await JsonApi.GetOkAsync(sponsor, $"/api/v1/sponsors/{id}")).GetProperty("waiting");
        Assert.Equal([dewi.Id, rina.Id], waiting.EnumerateArray().Select(w => w.GetProperty("worker_id").GetGuid()));
        Assert.DoesNotContain(rina.Nik, waiting.ToString(), StringComparison.Ordinal);
        Assert.Contains(Lindung.Domain.Identifiers.Nik.Mask(rina.Nik), waiting.ToString(), StringComparison.Ordinal);

        // Rp2,500,000 with JHT: December 2026 inside the other-sector window 12,500 + 3,400 + 50,000; January and February 81,800.
        var market = await JsonApi.PostOkAsync(sponsor, $"/api/v1/sponsors/{id}/pledges", new { workers = new[] { rina.Id }, from = "2026-12", months = 3, income = 2_500_000, programs = "JKK,JKM,JHT", occupation = "other" });
        Assert.Equal((65_900L, 65_900L + 81_800 + 81_800), (market.GetProperty("first_month_per_worker").GetInt64(), market.GetProperty("total").GetInt64()));
        // An ojek driver stays inside the transport window (to March 2027) all three months.
        var ojek = await JsonApi.PostOkAsync(sponsor, $"/api/v1/sponsors/{id}/pledges", new { workers = new[] { dewi.Id }, from = "2026-12", months = 3, income = 2_500_000, programs = "JKK JKM JHT", occupation = "transport" });
        Assert.Equal(3 * 65_900L, ojek.GetProperty("total").GetInt64());

        await AssertRefusedAsync(sponsor, $"/api/v1/sponsors/{id}/pledges", new { workers = new[] { rina.Id }, from = "2027-02", months = 6 }, "SPONSOR_OVERLAP");
        // The village page counts both as sponsored this month (counts only, no names).
        var village = await JsonApi.GetOkAsync(admin, $"/api/v1/villages/{Village}");
        Assert.Equal(2, village.GetProperty("sponsored").GetInt32());
        await AssertRefusedAsync(sponsor, $"/api/v1/sponsors/{id}/pledges", new { workers = new[] { world.WorkerC.Id }, from = "2027-06", months = 6 }, "SPONSOR_WORKER_NOT_FOUND");
        await AssertRefusedAsync(sponsor, $"/api/v1/sponsors/{id}/pledges", new { workers = new[] { rina.Id }, from = "2026-11", months = 0, programs = "JHT", occupation = "fisher" }, "SPONSOR_MONTH_INVALID", "SPONSOR_MONTHS_INVALID", "SPONSOR_PROGRAMS_INVALID", "SPONSOR_OCCUPATION_INVALID");
        await AssertRefusedAsync(sponsor, $"/api/v1/sponsors/{id}/pledges", new { workers = new[] { rina.Id }, from = "2027-06", months = 2, income = 900_000 }, "income");

        // Only the admin keeps the ledger: December paid for both, January invoiced.
        using (var forbidden = await sponsor.PostAsJsonAsync(new Uri($"/api/v1/sponsors/{id}/ledger", UriKind.Relative), new { action = "paid", through = "2026-12" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        var paid = await JsonApi.PostOkAsync(admin, $"/api/v1/sponsors/{id}/ledger", new { action = "paid", through = "2026-12" });
        Assert.Equal((2, 2 * 65_900L), (paid.GetProperty("months").GetInt32(), paid.GetProperty("amount").GetInt64()));
        var invoiced = await JsonApi.PostOkAsync(admin, $"/api/v1/sponsors/{id}/ledger", new { action = "invoice", through = "2027-01" });
        Assert.Equal((2, 81_800L + 65_900), (invoiced.GetProperty("months").GetInt32(), invoiced.GetProperty("amount").GetInt64()));
        await AssertRefusedAsync(admin, $"/api/v1/sponsors/{id}/ledger", new { action = "paid", through = "2026-11" }, "SPONSOR_LEDGER_EMPTY");

        var ledger = (await JsonApi.GetOkAsync(sponsor, $"/api/v1/sponsors/{id}")).GetProperty("ledger");
        Assert.Equal(
            (229_500L + 197_700, 2 * 65_900L + 81_800 + 65_900, 2 * 65_900L, 0L),
            (ledger.GetProperty("pledged").GetInt64(), ledger.GetProperty("invoiced").GetInt64(), ledger.GetProperty("paid").GetInt64(), ledger.GetProperty("due").GetInt64()));

        // Another sponsor's account sees nothing of it; the branch reads it but may not pledge.
        using var stranger = await world.ClientAsync(LindungRoles.Sponsor);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/api/v1/sponsors/{id}", UriKind.Relative))).StatusCode);
        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        using (var pledge = await branch.PostAsJsonAsync(new Uri($"/api/v1/sponsors/{id}/pledges", UriKind.Relative), new { workers = new[] { world.WorkerA.Id }, from = "2027-01", months = 1 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, pledge.StatusCode);
        }

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(6, await db.SponsoredMonths.CountAsync(m => m.SponsorId == id));
        Assert.Equal(2 + 6, await db.AuditEvents.CountAsync(e => (e.EntityType == nameof(Sponsorship) || e.EntityType == nameof(SponsoredMonth)) && e.Actor == account && e.Action == AuditAction.Create));
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_period_ending_within_30_days_is_handed_over_once_and_a_renewal_continues_from_the_next_month(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var (rina, dewi) = await AddWaitingAsync(world);

        // The fixture's sponsorship (January–December 2026) ends on 1 January 2027: inside the 30-day window on 4 December.
        var renewed = await JsonApi.PostOkAsync(admin, $"/api/v1/sponsorships/{world.SponsorshipIn.Id}/handover", new { outcome = "renew", months = 6 });
        Assert.Equal("RENEWED", renewed.GetProperty("outcome").GetString());
        await AssertRefusedAsync(admin, $"/api/v1/sponsorships/{world.SponsorshipIn.Id}/handover", new { outcome = "self" }, "SPONSORSHIP_HANDED_OVER");

        var fresh = await JsonApi.PostOkAsync(admin, $"/api/v1/sponsors/{world.SponsorIn.Id}/pledges", new { workers = new[] { rina.Id, dewi.Id }, from = "2026-12", months = 12 });
        await AssertRefusedAsync(admin, $"/api/v1/sponsorships/{fresh.GetProperty("sponsorships")[0].GetGuid()}/handover", new { outcome = "apbd" }, "SPONSORSHIP_HANDOVER_EARLY");

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var next = await db.Sponsorships.SingleAsync(s => s.WorkerId == world.WorkerB.Id && s.FirstMonth == new DateOnly(2027, 1, 1));
        Assert.Equal((6, 1_000_000L), (next.Months, next.MonthlyIncome));
        // Rp1,000,000 minimum package, other sector: the discount window closed with December 2026, so January–June 2027 are Rp16,800 each.
        Assert.Equal(6 * 16_800L, await db.SponsoredMonths.Where(m => m.SponsorshipId == next.Id).SumAsync(m => m.Amount));
        var old = await db.Sponsorships.SingleAsync(s => s.Id == world.SponsorshipIn.Id);
        Assert.Equal((SponsorshipHandover.Renewed, new DateOnly(2026, 12, 4)), (old.Handover, old.HandedOverOn));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(Sponsorship) && e.EntityKey == old.Id.ToString() && e.Action == AuditAction.Update));
    }

    /// <summary>Two residents of WorkerB's village with no membership: the workers waiting there.</summary>
    private static async Task<(Worker Rina, Worker Dewi)> AddWaitingAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var rina = new Worker { Nik = "3577025505900003", Name = "Rina", RegionCode = Village };
        var dewi = new Worker { Nik = "3577025505900004", Name = "Dewi", RegionCode = Village };
        db.AddRange(rina, dewi);
        await db.SaveChangesAsync();
        return (rina, dewi);
    }

    private static async Task AssertRefusedAsync(HttpClient client, string path, object body, params string[] codes)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        foreach (var code in codes)
        {
            Assert.Contains(code, text, StringComparison.Ordinal);
        }
    }
}
