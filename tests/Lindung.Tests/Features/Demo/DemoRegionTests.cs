using Lindung.Domain.Areas;
using Lindung.Features.Demo;

namespace Lindung.Tests.Features.Demo;

/// <summary>The generator alone, without a database.</summary>
public sealed class DemoRegionTests
{
    private static readonly DateOnly Today = new(2026, 5, 15);

    [Fact]
    public void Same_seed_and_day_give_the_same_region_ids_included()
    {
        var options = new DemoOptions(AgencyWorkers: 400, Employers: 40, BpuWorkers: 40);

        var first = DemoRegion.Generate(options, Today, AreaDirectory.Embedded);
        var second = DemoRegion.Generate(options, Today, AreaDirectory.Embedded);
        var other = DemoRegion.Generate(options with { Seed = options.Seed + 1 }, Today, AreaDirectory.Embedded);

        Assert.Equal(first.Workers.Select(w => (w.Id, w.Nik, w.Name, w.Phone)), second.Workers.Select(w => (w.Id, w.Nik, w.Name, w.Phone)));
        Assert.Equal(first.Memberships.Select(m => (m.Kpj, m.Status, m.ReportedWage)), second.Memberships.Select(m => (m.Kpj, m.Status, m.ReportedWage)));
        Assert.Equal(first.Employers.Select(e => e.Name), second.Employers.Select(e => e.Name));
        Assert.Equal(first.Extract.Sha256, second.Extract.Sha256);
        Assert.NotEqual(first.Workers.Select(w => w.Nik), other.Workers.Select(w => w.Nik));
    }

    [Fact]
    public void Ids_are_version_7_and_unique()
    {
        var region = DemoRegion.Generate(new DemoOptions(AgencyWorkers: 400, Employers: 40, BpuWorkers: 40), Today, AreaDirectory.Embedded);
        var ids = region.Agencies.Select(a => a.Id).Concat(region.Workers.Select(w => w.Id)).Concat(region.Memberships.Select(m => m.Id)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
    }

    [Fact]
    public void Small_regions_still_have_outsourcing_vendors_and_every_agency()
    {
        var region = DemoRegion.Generate(new DemoOptions(AgencyWorkers: 200, Employers: 10, BpuWorkers: 5), Today, AreaDirectory.Embedded);

        Assert.Equal(DemoAgencies.All.Count, region.Agencies.Count);
        Assert.Equal(200 + 5, region.Workers.Count);
        Assert.Contains(region.Employments, e => e.EmployerId is not null);
    }

    [Theory]
    [InlineData(1962)]
    [InlineData(1985)]
    [InlineData(2002)]
    public void Names_never_repeat_a_word_and_put_degrees_where_they_belong(int birthYear)
    {
        var random = new Random(birthYear);
        for (var i = 0; i < 2000; i++)
        {
            var female = i % 2 == 0;
            var name = IndonesianNames.Next(random, female, birthYear, i % 3 == 0 ? "S.Pd." : i % 3 == 1 ? "dr." : null);
            var words = name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => !w.EndsWith('.')).ToList();

            Assert.Equal(words.Count, words.Distinct().Count());
            Assert.InRange(words.Count, 1, 3);
            if (i % 3 == 0)
            {
                Assert.EndsWith(", S.Pd.", name, StringComparison.Ordinal);
            }
            else if (i % 3 == 1)
            {
                Assert.StartsWith("dr. ", name, StringComparison.Ordinal);
            }

            if (birthYear >= 1985)
            {
                Assert.DoesNotMatch(@"\b(H|Hj|Drs|Dra|Ir)\. ", name);
            }
        }
    }
}
