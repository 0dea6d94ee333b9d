using Lindung.Data.Entities;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Tests.Features.Reconciliation;

/// <summary>Reconciliation over the registry on SQLite and PostgreSQL: outcomes, stored runs, linked memberships.</summary>
public sealed class ReconciliationRunTests
{
    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task A_run_over_the_registry_yields_the_constructed_outcomes(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        var (scope, db) = world.Database();
        await using var _ = scope;

        var run = await ReconciliationRunner.RunAsync(db, ReconcileWorld.Region, null, "tester", Lindung.Features.Contributions.RateBookLoader.BuiltIn(), TimeProvider.System, CancellationToken.None);

        var results = await db.ReconciliationResults.AsNoTracking().Where(r => r.RunId == run.Id).ToDictionaryAsync(r => r.WorkerId);
        Assert.Equal(7, results.Count);
        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.Nik, ReconcileWorld.SitiKpj), Summary(results[world.Siti.Id]));
        Assert.True(results[world.Siti.Id].WageUnderreported);
        Assert.False(results[world.Siti.Id].ProgramMissing);
        Assert.Equal(ReconcileWorld.SitiReported, results[world.Siti.Id].ReportedWage);
        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.NikRepaired, ReconcileWorld.DewiKpj), Summary(results[world.Dewi.Id]));
        Assert.True(results[world.Dewi.Id].ProgramMissing);
        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.NameDob, ReconcileWorld.YusufKpj), Summary(results[world.Yusuf.Id]));
        Assert.Equal((ReconcileOutcome.NeedsReview, MatchMethod.None, (string?)null), Summary(results[world.Eko.Id]));
        Assert.Equal(
            [ReconcileWorld.EkoKpj1, ReconcileWorld.EkoKpj2],
            ReviewCandidates.Parse(results[world.Eko.Id].Candidates).Select(c => c.Kpj).Order(StringComparer.Ordinal));
        Assert.Equal((ReconcileOutcome.NotRegistered, MatchMethod.None, (string?)null), Summary(results[world.Budi.Id]));
        Assert.Equal((ReconcileOutcome.CoveredInactive, MatchMethod.Nik, ReconcileWorld.AgusKpj), Summary(results[world.Agus.Id]));
        Assert.Equal(ReconcileOutcome.NeedsReview, results[world.Rina.Id].Outcome);
        Assert.All(results.Values, r => Assert.Equal(ReconcileWorld.Region, r.RegionCode));

        var stored = await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
        Assert.Equal((7, 3, 1, 1, 2, 0), (stored.RosterRows, stored.CoveredActive, stored.CoveredInactive, stored.NotRegistered, stored.NeedsReview, stored.InvalidRow));
        Assert.Equal((1, 1), (stored.WageUnderreported, stored.ProgramMissing));
        Assert.Equal("tester", stored.StartedBy);
        Assert.NotNull(stored.FinishedAt);
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Confirmed_repaired_and_name_matches_link_the_membership_to_the_roster_worker_audited(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        var (scope, db) = world.Database();
        await using var _ = scope;

        await ReconciliationRunner.RunAsync(db, ReconcileWorld.Region, null, "tester", Lindung.Features.Contributions.RateBookLoader.BuiltIn(), TimeProvider.System, CancellationToken.None);

        var holders = await db.Memberships.AsNoTracking().ToDictionaryAsync(m => m.Kpj, m => m.WorkerId);
        Assert.Equal(world.Dewi.Id, holders[ReconcileWorld.DewiKpj]);
        Assert.Equal(world.Yusuf.Id, holders[ReconcileWorld.YusufKpj]);
        Assert.Equal(world.EkoTwin1.Id, holders[ReconcileWorld.EkoKpj1]);
        var linkAudits = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == nameof(Membership) && a.Action == AuditAction.Update).ToListAsync();
        Assert.Equal(2, linkAudits.Count);
        Assert.Contains(linkAudits, a => a.After!.Contains(world.Dewi.Id.ToString(), StringComparison.OrdinalIgnoreCase)
            && a.Before!.Contains(world.DewiCard.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == nameof(ReconciliationResult)).ToListAsync());
        Assert.Single(await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == nameof(ReconciliationRun) && a.Action == AuditAction.Create).ToListAsync());

        // The next run finds them by NIK: the linked card now belongs to the roster worker.
        var again = await ReconciliationRunner.RunAsync(db, ReconcileWorld.Region, world.AgencyA.Id, "tester", Lindung.Features.Contributions.RateBookLoader.BuiltIn(), TimeProvider.System, CancellationToken.None);
        var dewi = await db.ReconciliationResults.AsNoTracking().SingleAsync(r => r.RunId == again.Id && r.WorkerId == world.Dewi.Id);
        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.Nik, ReconcileWorld.DewiKpj), Summary(dewi));
        Assert.Equal(6, again.RosterRows);
    }

    private static (ReconcileOutcome, MatchMethod, string?) Summary(ReconciliationResult r) => (r.Outcome, r.Method, r.Kpj);
}
