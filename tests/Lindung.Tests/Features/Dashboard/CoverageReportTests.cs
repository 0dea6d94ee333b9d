using Lindung.Data.Entities;
using Lindung.Domain.Coverage;
using Lindung.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Tests.Features.Dashboard;

/// <summary>The report's numbers against aggregates computed in the test from the generated lists, on both databases.</summary>
public sealed class CoverageReportTests
{
    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task First_request_stores_the_month_and_reports_equal_independent_aggregates(string provider)
    {
        await using var world = await DashboardWorld.StartAsync(provider);
        var thisMonth = new DateOnly(world.Today.Year, world.Today.Month, 1);
        await world.WithDbAsync(db => db.CoverageSnapshots.Where(s => s.Month == thisMonth).ExecuteDeleteAsync());

        var first = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(), world.Today, CancellationToken.None));
        var stored = await world.WithDbAsync(db => db.CoverageSnapshots.CountAsync(s => s.Month == thisMonth));
        var live = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(Month: thisMonth.AddMonths(-1)), world.Today, CancellationToken.None));
        await world.WithDbAsync(db => CoverageSnapshots.RefreshAsync(db, TimeProvider.System, CancellationToken.None));
        var refreshed = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(), world.Today, CancellationToken.None));

        Assert.False(first.Live);
        Assert.NotNull(first.TakenAt);
        Assert.True(stored > 0, "the first request of the month stores its snapshot");
        Assert.True(refreshed.TakenAt >= first.TakenAt);
        Assert.True(live.Live, "a past month without a snapshot is computed, not stored");
        foreach (var report in new[] { first, refreshed })
        {
            AssertMatches(world.Data, report, world.Today);
        }
    }

    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task A_closed_month_keeps_its_figures_when_the_registry_changes_later(string provider)
    {
        await using var world = await DashboardWorld.StartAsync(provider);
        var month = new DateOnly(world.Today.Year, world.Today.Month, 1).AddMonths(-3);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        await world.WithDbAsync(db => CoverageSnapshots.TakeAsync(db, month, world.Today, replace: false, CancellationToken.None));

        // A late correction: an uncovered roster worker turns out to have been covered since long ago.
        var covered = world.Data.CoveredOn(monthEnd);
        var late = world.Data.Employments.First(e => e.ValidFrom <= monthEnd && e.ValidTo is null && !covered.Contains(e.WorkerId)
            && world.Data.Workers.Single(w => w.Id == e.WorkerId).Scheme == SocialSecurityScheme.BpjsTk);
        await world.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership
            {
                Kpj = "99999999999",
                WorkerId = late.WorkerId,
                Segment = Lindung.Domain.Contributions.Segment.Pu,
                Status = MembershipStatus.Active,
                ValidFrom = month.AddMonths(-6),
                RegionCode = CoverageData.City,
            });
            return await db.SaveChangesAsync();
        });
        var request = new ReportRequest(Month: month);

        var kept = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, request, world.Today, CancellationToken.None));
        var again = await world.WithDbAsync(db => CoverageSnapshots.TakeAsync(db, month, world.Today, replace: false, CancellationToken.None));
        var keptAgain = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, request, world.Today, CancellationToken.None));
        await world.WithDbAsync(db => CoverageSnapshots.TakeAsync(db, month, world.Today, replace: true, CancellationToken.None));
        var replaced = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, request, world.Today, CancellationToken.None));

        AssertMatches(world.Data, kept, monthEnd);
        Assert.Equal(monthEnd, kept.AsOf);
        Assert.False(again.Written);
        Assert.Equal(kept.Covered, keptAgain.Covered);
        Assert.Equal(kept.Covered + 1, replaced.Covered);
    }

    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task A_PU_employer_counts_once_in_its_own_region_wherever_its_workers_live(string provider)
    {
        await using var world = await DashboardWorld.StartAsync(provider);
        var thisMonth = new DateOnly(world.Today.Year, world.Today.Month, 1);
        async Task<(int All, int City, int Regency)> CountAsync()
        {
            await world.WithDbAsync(db => CoverageSnapshots.TakeAsync(db, thisMonth, world.Today, replace: true, CancellationToken.None));
            var figures = new List<int>();
            foreach (var region in new string?[] { null, CoverageData.City, CoverageData.Regency })
            {
                var report = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(Region: region), world.Today, CancellationToken.None));
                figures.Add(report.PuEmployers);
            }

            return (figures[0], figures[1], figures[2]);
        }

        var before = await CountAsync();
        await world.WithDbAsync(async db =>
        {
            // One employer on record in the city, one known only from the regency branch's extract;
            // each has members living in both the city and the regency.
            db.Employers.Add(new Employer { Name = "PT Dua Wilayah", Npp = "77777777", RegionCode = CoverageData.City });
            var extract = new MembershipExtract { FileName = "cabang.csv", Sha256 = new string('b', 64), LoadedBy = "test", RegionCode = CoverageData.Regency };
            db.MembershipExtracts.Add(extract);
            var serial = 0;
            foreach (var (npp, extractId) in new[] { ("77777777", (Guid?)null), ("66666666", extract.Id) })
            {
                foreach (var home in new[] { CoverageData.City, CoverageData.Regency, CoverageData.Regency })
                {
                    var worker = world.Data.Workers[serial++];
                    db.Memberships.Add(new Membership
                    {
                        Kpj = (90_000_000_000L + serial).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        WorkerId = worker.Id,
                        Segment = Lindung.Domain.Contributions.Segment.Pu,
                        EmployerNpp = npp,
                        Status = MembershipStatus.Active,
                        ValidFrom = thisMonth.AddMonths(-2),
                        SourceExtractId = extractId,
                        RegionCode = home,
                    });
                }
            }

            return await db.SaveChangesAsync();
        });
        var after = await CountAsync();

        Assert.Equal(before.All + 2, after.All);
        Assert.Equal(before.City + 1, after.City);
        Assert.Equal(before.Regency + 1, after.Regency);
        Assert.Equal(after.All, after.City + after.Regency);
    }

    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task Trend_has_one_point_per_snapshotted_month_with_that_months_figures(string provider)
    {
        await using var world = await DashboardWorld.StartAsync(provider);
        var thisMonth = new DateOnly(world.Today.Year, world.Today.Month, 1);
        await world.WithDbAsync(db => CoverageSnapshots.BackfillAsync(db, thisMonth.AddMonths(-5), world.Today, CancellationToken.None));

        var report = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(), world.Today, CancellationToken.None));

        Assert.Equal(6, report.Trend.Count);
        foreach (var point in report.Trend)
        {
            var day = point.Month == thisMonth ? world.Today : point.Month.AddMonths(1).AddDays(-1);
            var expected = world.Data.ByAgency(day).Values;
            Assert.Equal(expected.Sum(e => e.Eligible), point.Eligible);
            Assert.Equal(expected.Sum(e => e.Covered), point.Covered);
            Assert.Equal(world.Data.BySegment(day).Values.Sum(), point.Active);
        }

        Assert.True(report.Trend[^1].Covered >= report.Trend[0].Covered, "registrations accumulate in the generated data");
        var previous = world.Data.ByAgency(thisMonth.AddDays(-1));
        Assert.Equal(previous.Values.Sum(v => v.Covered), report.PreviousCovered);
    }

    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task A_region_or_an_agency_narrows_every_figure(string provider)
    {
        await using var world = await DashboardWorld.StartAsync(provider);
        var agency = world.Data.Agencies[1];

        var city = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(Region: "3577"), world.Today, CancellationToken.None));
        var one = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(AgencyId: agency.Id), world.Today, CancellationToken.None));
        var leader = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, new ReportScope([CoverageData.Regency], null), new ReportRequest(), world.Today, CancellationToken.None));

        var expectedCity = world.Data.ByAgency(world.Today, CoverageData.City);
        Assert.Equal("35.77", city.RegionCode);
        Assert.Equal(expectedCity.Values.Sum(v => v.Covered), city.Covered);
        Assert.Equal(world.Data.BySegment(world.Today, CoverageData.City), city.BySegment);
        Assert.All(city.Regions, r => Assert.StartsWith("35.77.", r.Code, StringComparison.Ordinal));
        Assert.Equal(world.Data.ByResidence(world.Today, 8).Where(kv => kv.Key.StartsWith("35.77", StringComparison.Ordinal)).Sum(kv => kv.Value.Covered), city.Regions.Sum(r => r.Covered));

        var expectedOne = world.Data.ByAgency(world.Today)[agency.Id];
        Assert.Equal(agency.Name, one.Agency!.Name);
        Assert.Equal((expectedOne.Eligible, expectedOne.Covered), (one.Eligible, one.Covered));
        Assert.Single(one.Agencies);

        Assert.Equal("35.19", leader.RegionCode);
        Assert.All(leader.Agencies, a => Assert.Equal(CoverageData.Regency, a.RegionCode));
        await Assert.ThrowsAsync<ReportNotFoundException>(() => world.WithDbAsync(db =>
            CoverageReportBuilder.BuildAsync(db, new ReportScope([CoverageData.Regency], null), new ReportRequest(Region: CoverageData.City), world.Today, CancellationToken.None)));
    }

    /// <summary>Every figure of <paramref name="report"/> (whole installation) against the lists, as of <paramref name="day"/>.</summary>
    internal static void AssertMatches(CoverageData data, CoverageReport report, DateOnly day)
    {
        var byAgency = data.ByAgency(day);
        Assert.Equal("35", report.RegionCode);
        Assert.Equal(byAgency.Values.Sum(v => v.Eligible), report.Eligible);
        Assert.Equal(byAgency.Values.Sum(v => v.Covered), report.Covered);
        foreach (var agency in data.Agencies)
        {
            var figure = report.Agencies.SingleOrDefault(a => a.Id == agency.Id);
            var (eligible, covered) = byAgency[agency.Id];
            Assert.Equal((eligible, covered), (figure?.Eligible ?? 0, figure?.Covered ?? 0));
        }

        var first = report.Agencies.Single(a => a.Id == data.Agencies[0].Id);
        Assert.Equal(5000, first.TargetBasisPoints); // its own target beats the city's
        Assert.Equal(CoverageThresholds.Default.Classify(first.Covered, first.Eligible, 5000), first.Class);
        Assert.Equal(9000, report.Agencies.Single(a => a.Id == data.Agencies[1].Id).TargetBasisPoints);
        Assert.Equal(6000, report.Agencies.Single(a => a.Id == data.Agencies[7].Id).TargetBasisPoints);

        Assert.Equal(data.BySegment(day), report.BySegment);
        Assert.Equal(data.BySegment(day).Values.Sum(), report.TotalActive);
        Assert.Equal(data.PuEmployers(day), report.PuEmployers);

        var byRegency = data.ByResidence(day, 5);
        Assert.Equal(byRegency.Keys.Order(StringComparer.Ordinal), report.Regions.Select(r => r.Code));
        foreach (var region in report.Regions)
        {
            Assert.Equal(byRegency[region.Code], (region.Eligible, region.Covered));
            Assert.Equal(data.BySegment(day, region.Code).Values.Sum(), region.Participants);
        }

        var city = report.Regions.Single(r => r.Code == CoverageData.City);
        Assert.Equal(100_000, city.WorkingPopulation);
        Assert.Equal(city.Participants!.Value / 100_000.0, city.Ucj!.Value, 9);
    }
}
