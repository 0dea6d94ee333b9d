using Lindung.Data.Entities;
using Lindung.Features.Branches;
using Lindung.Features.Dashboard;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;
using static Lindung.Tests.Features.Branches.BranchWorld;

namespace Lindung.Tests.Features.Branches;

/// <summary>Branch offices, their effective-dated working areas and the branch report, on SQLite and PostgreSQL.</summary>
public sealed class BranchCoverageTests
{
    [Theory]
    [MemberData(nameof(BranchWorld.Providers), MemberType = typeof(BranchWorld))]
    public async Task Branch_report_sums_exactly_its_regencies_figures_on_a_date(string provider)
    {
        await using var world = await StartAsync(provider);
        await world.BranchAsync("EX-MADIUN", City, City, Regency);
        await world.BranchAsync("EX-MAGETAN", Magetan, Magetan);

        var report = (await world.Coverage().CoverageAsync("ex-madiun", Today, Today, ReportScope.Everything, CancellationToken.None)).Value;
        var perRegency = await CoverageMeasures.ParticipantsAsync(world.NewContext(), Today, CancellationToken.None);

        Assert.Equal([Regency, City], report.Regencies.Select(r => r.RegionCode));
        Assert.Equal(5, report.BySegment["PU"]);
        Assert.Equal(3, report.BySegment["BPU"]);
        Assert.Equal(1, report.BySegment["PMI"]);
        Assert.Equal(1, report.BySegment["JAKON"]);
        Assert.Equal(10, report.TotalActive);
        var inArea = perRegency.Where(r => r.RegionCode is City or Regency).ToList();
        Assert.Equal(inArea.Where(r => r.Dimension == SnapshotDimension.Segment).Sum(r => r.Active), report.TotalActive);
        Assert.Equal(inArea.Where(r => r.Dimension == SnapshotDimension.PuEmployers).Sum(r => r.Active), report.PuEmployers);
        Assert.Equal(report.TotalActive, report.Regencies.Sum(r => r.Total));
        Assert.False(report.Partial);
        Assert.True(report.Live);
    }

    [Theory]
    [MemberData(nameof(BranchWorld.Providers), MemberType = typeof(BranchWorld))]
    public async Task A_regency_moved_on_a_date_counts_in_the_old_branch_before_and_the_new_one_from_that_date(string provider)
    {
        await using var world = await StartAsync(provider);
        await world.BranchAsync("EX-MADIUN", City, City);
        await world.BranchAsync("EX-MAGETAN", Magetan, Magetan, Regency);
        var move = new DateOnly(2026, 6, 1);
        var old = await world.NewContext().BranchWorkingAreas.SingleAsync(w => w.RegionCode == Regency);

        Assert.True((await world.Manage().EndAsync(old.Id, move, AccessScope.Operator, CancellationToken.None)).Succeeded);
        Assert.True((await world.Manage().AssignAsync(new AssignWorkingAreaRequest("EX-MADIUN", Regency, move), AccessScope.Operator, CancellationToken.None)).Succeeded);

        async Task<int> TotalAsync(string code, DateOnly day) =>
            (await world.Coverage().CoverageAsync(code, day, Today, ReportScope.Everything, CancellationToken.None)).Value.TotalActive;
        var before = move.AddDays(-1);
        Assert.Equal(5, await TotalAsync("EX-MADIUN", before));
        Assert.Equal(4 + 5, await TotalAsync("EX-MAGETAN", before));
        Assert.Equal(5 + 5, await TotalAsync("EX-MADIUN", move));
        Assert.Equal(4, await TotalAsync("EX-MAGETAN", move));
        var list = await world.Coverage().ListAsync(ReportScope.Everything, move, CancellationToken.None);
        Assert.Equal([Regency, City], list.Single(b => b.Code == "EX-MADIUN").Regencies);
    }

    [Theory]
    [MemberData(nameof(BranchWorld.Providers), MemberType = typeof(BranchWorld))]
    public async Task PU_employers_are_counted_once_across_the_regencies_of_a_branch(string provider)
    {
        await using var world = await StartAsync(provider);
        await world.BranchAsync("EX-MADIUN", City, City, Regency);
        await world.BranchAsync("EX-MAGETAN", Magetan, Magetan);

        var madiun = (await world.Coverage().CoverageAsync("EX-MADIUN", Today, Today, ReportScope.Everything, CancellationToken.None)).Value;
        var magetan = (await world.Coverage().CoverageAsync("EX-MAGETAN", Today, Today, ReportScope.Everything, CancellationToken.None)).Value;

        // The employer with a record has members in 35.77 and 35.19: once, in its own 35.77. The one
        // without a record has members in 35.19 and 35.20: once, in the lowest of its members' regions.
        Assert.Equal(1, madiun.Regencies.Single(r => r.RegionCode == City).PuEmployers);
        Assert.Equal(1, madiun.Regencies.Single(r => r.RegionCode == Regency).PuEmployers);
        Assert.Equal(2, madiun.PuEmployers);
        Assert.Equal(0, magetan.PuEmployers);
    }

    [Theory]
    [MemberData(nameof(BranchWorld.Providers), MemberType = typeof(BranchWorld))]
    public async Task An_overlapping_working_area_is_refused_with_a_named_error(string provider)
    {
        await using var world = await StartAsync(provider);
        await world.BranchAsync("EX-MADIUN", City, City, Regency);
        await world.BranchAsync("EX-MAGETAN", Magetan, Magetan);
        var manage = world.Manage();

        var open = await manage.AssignAsync(new AssignWorkingAreaRequest("EX-MAGETAN", Regency, new DateOnly(2026, 1, 1)), AccessScope.Operator, CancellationToken.None);
        Assert.Equal("WORKING_AREA_OVERLAP", Assert.Single(open.Errors).Code);
        Assert.Contains("EX-MADIUN", open.Errors[0].Message(english: true), StringComparison.Ordinal);
        Assert.Contains("EX-MADIUN", open.Errors[0].Message(english: false), StringComparison.Ordinal);

        // Closed periods too: a gap can be filled, an overlap cannot.
        Assert.True((await manage.AssignAsync(new AssignWorkingAreaRequest("EX-MADIUN", "35.21", new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1)), AccessScope.Operator, CancellationToken.None)).Succeeded);
        var closed = await manage.AssignAsync(new AssignWorkingAreaRequest("EX-MAGETAN", "35.21", new DateOnly(2020, 6, 1), new DateOnly(2020, 7, 1)), AccessScope.Operator, CancellationToken.None);
        Assert.Equal("WORKING_AREA_OVERLAP", Assert.Single(closed.Errors).Code);
        Assert.True((await manage.AssignAsync(new AssignWorkingAreaRequest("EX-MAGETAN", "35.21", new DateOnly(2021, 1, 1)), AccessScope.Operator, CancellationToken.None)).Succeeded);

        var bad = await manage.AssignAsync(new AssignWorkingAreaRequest("EX-MAGETAN", "35.77.01", Today), AccessScope.Operator, CancellationToken.None);
        Assert.Equal("WORKING_AREA_REGENCY_INVALID", Assert.Single(bad.Errors).Code);
        var backwards = await manage.AssignAsync(new AssignWorkingAreaRequest("EX-MAGETAN", "35.22", Today, Today), AccessScope.Operator, CancellationToken.None);
        Assert.Equal("WORKING_AREA_PERIOD_INVALID", Assert.Single(backwards.Errors).Code);

        // The schema keeps one open assignment per regency even for a write that skips the use case.
        await using var db = world.NewContext();
        var branch = await db.BranchOffices.SingleAsync(b => b.Code == "EX-MAGETAN");
        db.BranchWorkingAreas.Add(new BranchWorkingArea { BranchId = branch.Id, RegionCode = City, ValidFrom = Today });
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(BranchWorld.Providers), MemberType = typeof(BranchWorld))]
    public async Task A_user_limited_to_regions_sees_only_branches_working_there_and_only_its_regions_figures(string provider)
    {
        await using var world = await StartAsync(provider);
        await world.BranchAsync("EX-MADIUN", City, City, Regency);
        await world.BranchAsync("EX-MAGETAN", Magetan, Magetan);
        var cityOnly = new ReportScope([City], null);

        var list = await world.Coverage().ListAsync(cityOnly, Today, CancellationToken.None);
        var branch = Assert.Single(list);
        Assert.Equal("EX-MADIUN", branch.Code);
        Assert.Equal([City], branch.Regencies);
        Assert.True(branch.Partial);

        var report = (await world.Coverage().CoverageAsync("EX-MADIUN", Today, Today, cityOnly, CancellationToken.None)).Value;
        Assert.Equal([City], report.Regencies.Select(r => r.RegionCode));
        Assert.True(report.Partial);
        Assert.Equal(1, report.RegenciesOutsideScope);
        Assert.Equal(5, report.TotalActive);
        Assert.Equal(1, report.PuEmployers);

        var outside = await world.Coverage().CoverageAsync("EX-MAGETAN", Today, Today, cityOnly, CancellationToken.None);
        Assert.Equal("BRANCH_NOT_FOUND", Assert.Single(outside.Errors).Code);
        var agencyOnly = await world.Coverage().CoverageAsync("EX-MADIUN", Today, Today, new ReportScope([], Guid.NewGuid()), CancellationToken.None);
        Assert.Equal("BRANCH_NOT_FOUND", Assert.Single(agencyOnly.Errors).Code);

        // An admin limited to 35.77 cannot hand 35.20 to a branch.
        var admin = new AccessScope(new HashSet<string> { Lindung.Data.LindungRoles.RegionalAdmin }, [City], null, "admin@example.id");
        var refused = await world.Manage().AssignAsync(new AssignWorkingAreaRequest("EX-MADIUN", "35.21", Today), admin, CancellationToken.None);
        Assert.Equal("BRANCH_REGION_OUTSIDE_SCOPE", Assert.Single(refused.Errors).Code);
    }

    [Theory]
    [MemberData(nameof(BranchWorld.Providers), MemberType = typeof(BranchWorld))]
    public async Task The_built_in_branches_file_loads_once_and_again_unchanged_and_each_change_is_audited(string provider)
    {
        await using var world = await StartAsync(provider);
        var content = BranchFile.Read(BranchFile.BuiltInPath);

        var first = await BranchFile.LoadAsync(world.NewContext(), content, AccessScope.Operator, CancellationToken.None);
        var second = await BranchFile.LoadAsync(world.NewContext(), content, AccessScope.Operator, CancellationToken.None);

        Assert.All(first, l => Assert.Null(l.Error));
        Assert.All(second, l => Assert.Equal("UNCHANGED", l.Outcome));
        var madiun = (await world.Coverage().ListAsync(ReportScope.Everything, Today, CancellationToken.None)).Single(b => b.Code == "EX-MADIUN");
        Assert.Equal(["35.01", "35.02", "35.19", "35.20", "35.21", "35.77"], madiun.Regencies);
        await using var db = world.NewContext();
        var rows = await db.BranchOffices.CountAsync() + await db.BranchWorkingAreas.CountAsync();
        Assert.Equal(rows, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(BranchOffice) || e.EntityType == nameof(BranchWorkingArea)));
    }
}
