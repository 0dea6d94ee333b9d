using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Reconciliation;

/// <summary>
/// The day buckets must find exactly the members a plain filter finds, in the (birth date,
/// district) order they came in: districts crowded and sparse, days clustered and decades apart
/// (several days per bucket), unknown districts, and dates outside a district's range.
/// </summary>
public class DistrictDateOrderTests
{
    private static readonly int[] DistrictNumbers = [-1, 350101, 350102, 357701, 357702];

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 400)]
    [InlineData(3, 4000)]
    public void Each_district_and_day_holds_exactly_its_members_in_order(int seed, int count)
    {
        var random = new Random(seed);
        var members = Enumerable.Range(0, count).Select(i => Member(random, i)).ToList();
        var byDateThenDistrict = Enumerable.Range(0, count)
            .OrderBy(p => members[p].BirthDay).ThenBy(p => members[p].DistrictNumber).ToArray();

        var order = DistrictDateOrder.Build(members, byDateThenDistrict);

        var (low, high) = (members.Min(m => m.BirthDay) - 3, members.Max(m => m.BirthDay) + 3);
        foreach (var district in DistrictNumbers.Append(999999))
        {
            var days = order.District(district);
            for (var day = low; day <= high; day++)
            {
                var (from, to) = order.On(days, day);
                var expected = byDateThenDistrict.Where(p => members[p].DistrictNumber == district && members[p].BirthDay == day);
                Assert.Equal(expected, order.Members[from..to].Select(m => m.Position));
            }
        }
    }

    private static IndexedMember Member(Random random, int i)
    {
        // Half the members on a few crowded weeks, the rest spread over sixty years.
        var day = random.Next(2) == 0 ? 720_000 + random.Next(21) : 710_000 + random.Next(22_000);
        var district = DistrictNumbers[random.Next(10) switch { 0 => 0, < 6 => 1, < 8 => 2, < 9 => 3, _ => 4 }];
        return new IndexedMember($"{i}", 0, "A", day, null, null, true, ProgramSet.Jkk, 1)
        {
            NameId = i,
            DistrictNumber = district,
        };
    }
}
