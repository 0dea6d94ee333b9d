using Lindung.Data;
using Lindung.Data.Entities;
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

        // Best first: workers per million rupiah never rises down the list (free actions, if any, come first).
        var perMillion = actions.Select(a => a.GetProperty("monthly_rupiah").GetInt64() <= 0 ? double.MaxValue : a.GetProperty("workers").GetInt32() * 1e6 / a.GetProperty("monthly_rupiah").GetInt64()).ToList();
        Assert.Equal(perMillion.OrderByDescending(x => x), perMillion);
        Assert.DoesNotContain(actions, a => a.GetProperty("target").GetString() is "Dinas Pertanian" or "Kelompok Tani C");
    }
}
