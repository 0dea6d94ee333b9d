using System.Diagnostics;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Reconciliation;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using DomainSex = Lindung.Domain.Identifiers.Sex;
using Pages = Lindung.Tests.Infrastructure.Pages;

namespace Lindung.Tests.Features.Reconciliation;

/// <summary>
/// A review queue of 10,000 pairs (#11): counted and paged by the database from each agency's
/// latest run, so the overview, the review page and the API answer a page without reading the queue.
/// </summary>
public sealed class ReviewQueueScaleTests
{
    private const int Pairs = 10_000;

    /// <summary>
    /// Far above what a page costs (well under a second here) and far below the quadratic "is there
    /// a newer run?" probe per row this replaced, which took minutes at this size.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Ten_thousand_pairs_are_counted_and_paged_from_each_agencys_latest_run(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        // The region run leaves Eko (agency A) and Rina (agency B) to review; a newer run of agency A
        // alone then leaves 10,000 rows, so Eko's older row must drop out and Rina's stay.
        var first = await ReviewQueueTests.StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        await SeedNewerAgencyRunAsync(world, first);

        var reviews = await TimedAsync(() => ReviewQueueTests.GetJsonAsync(admin, "/api/v1/reconciliation/reviews?page=1&pageSize=200"));
        Assert.Equal(Pairs + 1, reviews.GetProperty("total").GetInt32());
        var firstNames = reviews.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("roster").GetProperty("name").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 200).Select(Name), firstNames);
        Assert.DoesNotContain("Eko Prasetyo", firstNames);
        var pairs = reviews.GetProperty("items")[0].GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("kpj").GetString());
        Assert.Equal([ReconcileWorld.EkoKpj1, ReconcileWorld.EkoKpj2], pairs);

        // The last page: agency B (RSUD) sorts after agency A (Dinas), so Rina closes the queue.
        var last = await TimedAsync(() => ReviewQueueTests.GetJsonAsync(admin, $"/api/v1/reconciliation/reviews?page={(Pairs / 200) + 1}&pageSize=200"));
        Assert.Equal(["Rina Wati"], last.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("roster").GetProperty("name").GetString()));
        var onlyA = await ReviewQueueTests.GetJsonAsync(admin, $"/api/v1/reconciliation/reviews?agencyId={world.AgencyA.Id}&pageSize=1");
        Assert.Equal(Pairs, onlyA.GetProperty("total").GetInt32());

        var overview = await TimedAsync(() => Pages.HtmlAsync(admin, "/reconciliation"));
        Assert.Contains("/reconciliation/review", overview, StringComparison.Ordinal);
        Assert.Contains("10.001", overview, StringComparison.Ordinal);

        var page = await TimedAsync(() => Pages.HtmlAsync(admin, "/reconciliation/review?page=250"));
        // Page 250 of 20 rows holds rows 4,980–4,999 of agency A.
        Assert.Contains(Name(4_980), page, StringComparison.Ordinal);
        Assert.Contains(Name(4_999), page, StringComparison.Ordinal);
        Assert.DoesNotContain(Name(4_979), page, StringComparison.Ordinal);
        Assert.DoesNotContain(Name(5_000), page, StringComparison.Ordinal);
        var end = await TimedAsync(() => Pages.HtmlAsync(admin, $"/reconciliation/review?page={(Pairs / 20) + 1}"));
        Assert.Contains("Rina Wati", end, StringComparison.Ordinal);
    }

    private static string Name(int i) => $"Pekerja Tinjau {i:00000}";

    private static async Task<T> TimedAsync<T>(Func<Task<T>> request)
    {
        var clock = Stopwatch.StartNew();
        var result = await request();
        Assert.True(clock.Elapsed < Budget, $"took {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    /// <summary>A succeeded run of agency A, an hour after <paramref name="firstRun"/>, with <see cref="Pairs"/> review rows naming Eko's twins.</summary>
    private static async Task SeedNewerAgencyRunAsync(ReconcileWorld world, Guid firstRun)
    {
        var (scope, db) = world.Database();
        await using var _ = scope;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var startedAt = (await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == firstRun)).StartedAt.AddHours(1);
        var run = new ReconciliationRun
        {
            RegionCode = ReconcileWorld.Region,
            AgencyId = world.AgencyA.Id,
            StartedAt = startedAt,
            FinishedAt = startedAt.AddMinutes(1),
            StartedBy = "test",
            AsOf = DateOnly.FromDateTime(startedAt),
            RosterRows = Pairs,
            NeedsReview = Pairs,
            Status = ReconciliationRunStatus.Succeeded,
        };
        db.ReconciliationRuns.Add(run);
        var candidates = $"{ReconcileWorld.EkoKpj1}=0.9000=NAME_DOB;{ReconcileWorld.EkoKpj2}=0.9000=NAME_DOB";
        for (var i = 0; i < Pairs; i++)
        {
            // Serials 9000+ on distinct birth dates: no NIK of the world's people is reused.
            var birth = new DateOnly(1960, 1, 1).AddDays(i);
            var worker = new Worker
            {
                Nik = Lindung.Domain.Identifiers.Nik.Compose(ReconcileWorld.District, birth, DomainSex.L, 9000 + (i % 900)),
                Name = Name(i),
                BirthDate = birth,
                Sex = DomainSex.L,
                RegionCode = ReconcileWorld.Village,
            };
            db.Workers.Add(worker);
            db.ReconciliationResults.Add(new ReconciliationResult
            {
                RunId = run.Id,
                AgencyId = world.AgencyA.Id,
                WorkerId = worker.Id,
                RosterWage = 2_000_000,
                Outcome = ReconcileOutcome.NeedsReview,
                Method = MatchMethod.NameDob,
                Score = 0.9,
                Candidates = candidates,
                RegionCode = ReconcileWorld.Region,
            });
        }

        await db.SaveChangesAsync();
    }
}
