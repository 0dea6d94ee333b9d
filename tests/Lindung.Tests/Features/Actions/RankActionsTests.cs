using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Rosters;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Actions;

/// <summary>
/// Next steps on both databases, on 4 December 2026: two informal residents of a fostered village join a
/// group paid by its members; the ranking offers enrolling the group (2 × Rp8,400, the PP 50/2025 discount
/// for other sectors in December) and sponsoring the village (the same two at the sponsor's package),
/// each with the page that does it, best protection per rupiah first; the other region's figures never appear.
/// </summary>
public sealed class RankActionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Actions_are_ranked_by_workers_per_rupiah_and_link_to_the_page_that_does_them(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            foreach (var (serial, name) in new[] { (61, "Parmi"), (62, "Tukiran") })
            {
                var worker = new Worker
                {
                    Nik = Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1970, 1, serial - 50), Lindung.Domain.Identifiers.Sex.L, serial),
                    Name = name,
                    RegionCode = ApiWorld.VillageIn,
                };
                db.Workers.Add(worker);
                db.GroupMembers.Add(new GroupMember { GroupId = world.GroupIn.Id, WorkerId = worker.Id, JoinedOn = new DateOnly(2026, 11, 1), RegionCode = ApiWorld.Region });
            }

            await db.SaveChangesAsync();
        }

        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var actions = (await JsonApi.GetOkAsync(admin, "/api/v1/actions")).EnumerateArray().ToList();

        var group = Assert.Single(actions, a => a.GetProperty("kind").GetString() == "enrol_group");
        Assert.Equal((2, 2 * 8_400L, $"/groups/{world.GroupIn.Id}"), (group.GetProperty("workers").GetInt32(), group.GetProperty("monthly_rupiah").GetInt64(), group.GetProperty("href").GetString()));
        var village = Assert.Single(actions, a => a.GetProperty("kind").GetString() == "sponsor_village");
        Assert.Equal((2, 2 * 8_400L, $"/villages/{ApiWorld.VillageIn}"), (village.GetProperty("workers").GetInt32(), village.GetProperty("monthly_rupiah").GetInt64(), village.GetProperty("href").GetString()));

        // Best first: workers per million rupiah never rises down the list (actions the programme does not pay for come first).
        var perMillion = actions.Select(PerMillion).ToList();
        Assert.Equal(perMillion.OrderByDescending(x => x), perMillion);
        Assert.DoesNotContain(actions, a => a.GetProperty("target").GetString() is "Dinas Pertanian" or "Kelompok Tani C");
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_employer_with_unregistered_workers_is_chased_first_at_what_it_owes_the_highest_risk_before_the_rest(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var electrician = new Employer { Name = "PT Listrik Aman", Npp = "11223344", JkkRiskGroup = 4, BusinessSize = BusinessSize.Medium, RegionCode = ApiWorld.Region };
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            db.Employers.Add(electrician);
            foreach (var (serial, member) in new[] { (71, false), (72, true) })
            {
                var worker = new Worker
                {
                    Nik = Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1985, 2, serial - 60), Lindung.Domain.Identifiers.Sex.L, serial),
                    Name = $"Teknisi {serial}",
                    RegionCode = ApiWorld.VillageIn,
                };
                db.Workers.Add(worker);
                db.Employments.Add(new Employment
                {
                    WorkerId = worker.Id,
                    EmployerId = electrician.Id,
                    Category = WorkerCategory.PuSwasta,
                    MonthlyWage = 3_000_000,
                    FundingSource = FundingSource.Private,
                    ValidFrom = new DateOnly(2026, 1, 1),
                    RegionCode = ApiWorld.Region,
                });
                if (member)
                {
                    db.Memberships.Add(new Membership
                    {
                        Kpj = $"260100000{serial}",
                        WorkerId = worker.Id,
                        Segment = Segment.Pu,
                        Programs = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht | ProgramSet.Jp,
                        EmployerNpp = electrician.Npp,
                        Status = MembershipStatus.Active,
                        ReportedWage = 3_000_000,
                        ValidFrom = new DateOnly(2026, 1, 1),
                        RegionCode = ApiWorld.Region,
                    });
                }
            }

            await db.SaveChangesAsync();
        }

        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var actions = (await JsonApi.GetOkAsync(admin, "/api/v1/actions")).EnumerateArray().ToList();

        var chase = Assert.Single(actions, a => a.GetProperty("kind").GetString() == "chase_employer" && a.GetProperty("target").GetString() == electrician.Name);
        // One worker without a membership, a medium firm (JKK, JKM, JHT, JP), group IV, Rp3,000,000 in December 2026:
        // JKK 1.27% 38,100 + JKM 0.30% 9,000 + JHT 3.7% + 2% 171,000 + JP 2% + 1% 90,000 = 308,100, owed by the employer.
        Assert.Equal((1, 308_100L, "employer", 4, $"/employers/{electrician.Id}"), (
            chase.GetProperty("workers").GetInt32(), chase.GetProperty("monthly_rupiah").GetInt64(), chase.GetProperty("paid_by").GetString(),
            chase.GetProperty("risk_group").GetInt32(), chase.GetProperty("href").GetString()));
        Assert.Equal(JsonValueKind.Null, chase.GetProperty("per_million").ValueKind);

        // What the programme does not pay for comes first, the highest risk group first; then workers per million rupiah.
        Assert.Equal("chase_employer", actions[0].GetProperty("kind").GetString());
        var perMillion = actions.Select(PerMillion).ToList();
        Assert.Equal(perMillion.OrderByDescending(x => x), perMillion);
        var free = actions.TakeWhile(a => a.GetProperty("per_million").ValueKind == JsonValueKind.Null).Select(Risk).ToList();
        Assert.Equal(free.OrderByDescending(x => x), free);
        Assert.All(actions, a => Assert.Equal(
            a.GetProperty("kind").GetString() is "chase_employer" or "protect_contract" ? "employer" : "programme", a.GetProperty("paid_by").GetString()));
        Assert.DoesNotContain(actions, a => a.GetProperty("target").GetString() == world.EmployerOut.Name);
    }

    private static double PerMillion(JsonElement action) =>
        action.GetProperty("per_million").ValueKind == JsonValueKind.Null ? double.MaxValue : action.GetProperty("per_million").GetDouble();

    private static int Risk(JsonElement action) =>
        action.GetProperty("risk_group").ValueKind == JsonValueKind.Null ? 0 : action.GetProperty("risk_group").GetInt32();
}
