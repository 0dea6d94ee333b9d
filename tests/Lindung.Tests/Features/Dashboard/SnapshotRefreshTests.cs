using System.Globalization;
using Lindung.Data;
using Lindung.Features.Dashboard;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Imports;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Tests.Features.Dashboard;

/// <summary>The current month's snapshot follows the registry without waiting for the daily job.</summary>
public sealed class SnapshotRefreshTests
{
    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task An_import_commit_refreshes_the_current_month_so_the_dashboard_shows_the_new_workers(string provider)
    {
        // The debounced refresh after edits is pushed out of reach: only the import's own refresh can show the workers.
        await using var world = await DashboardWorld.StartAsync(provider, configure: b => b.Configuration[SnapshotRefresher.DebounceSetting] = "3600");
        using var leader = await TestUsers.SignedInClientAsync(world.App, LindungRoles.Leader);
        var agency = world.Data.Agencies[0];
        var id = CultureInfo.GetCultureInfo("id-ID");
        var before = world.Data.ByAgency(world.Today).Values.Sum(v => v.Eligible);
        var first = await Pages.HtmlAsync(leader, "/dashboard");
        var takenBefore = await world.WithDbAsync(db => db.CoverageSnapshots.MaxAsync(s => s.TakenAt));

        using var folder = new TempDirectory();
        var file = ImportCsv.Write(folder.Path, "roster.csv", ImportCsv.RosterHeader, [.. Enumerable.Range(5000, 3).Select(i => ImportCsv.RosterLine(i, agency: agency.Code))]);
        var run = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "import", "roster", "--yes", file, "--agency", agency.Code]);
        var after = await Pages.HtmlAsync(leader, "/dashboard");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal($"dari {before.ToString("N0", id)} non-ASN", Eligible(first));
        // An update adds the three new workers and ends nobody.
        var expected = before + 3;
        Assert.Equal($"dari {expected.ToString("N0", id)} non-ASN", Eligible(after));
        Assert.True(await world.WithDbAsync(db => db.CoverageSnapshots.MaxAsync(s => s.TakenAt)) > takenBefore);
        Assert.Contains("data-testid=\"as-of\">Data per ", after, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task A_registry_edit_is_in_the_snapshot_after_the_debounce(string provider)
    {
        await using var world = await DashboardWorld.StartAsync(provider, configure: b => b.Configuration[SnapshotRefresher.DebounceSetting] = "0.2");
        var thisMonth = new DateOnly(world.Today.Year, world.Today.Month, 1);
        await world.WithDbAsync(db => CoverageSnapshots.RefreshAsync(db, TimeProvider.System, CancellationToken.None));
        var eligible = await EligibleAsync(world, thisMonth);

        // Ending one current job through the change tracker, as an edit page does.
        var job = world.Data.Employments.First(e => e.ValidTo is null && e.ValidFrom < world.Today && world.Data.Employments.Count(x => x.WorkerId == e.WorkerId) == 1
            && world.Data.Workers.Single(w => w.Id == e.WorkerId).Scheme == Lindung.Data.Entities.SocialSecurityScheme.BpjsTk);
        await world.WithDbAsync(async db =>
        {
            var row = await db.Employments.SingleAsync(e => e.Id == job.Id);
            row.ValidTo = world.Today;
            return await db.SaveChangesAsync();
        });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var now = eligible;
        while (now == eligible && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            now = await EligibleAsync(world, thisMonth);
        }

        Assert.Equal(eligible - 1, now);
    }

    private static string? Eligible(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"eligible\">([^<]*)<", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5)) is { Success: true } m
            ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)
            : null;

    private static Task<int> EligibleAsync(DashboardWorld world, DateOnly month) =>
        world.WithDbAsync(db => db.CoverageSnapshots.Where(s => s.Month == month && s.Dimension == Lindung.Data.Entities.SnapshotDimension.Agency).SumAsync(s => s.Eligible));
}
