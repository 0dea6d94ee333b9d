using System.Text.Json;
using Lindung.Data.Entities;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Dashboard;
using Lindung.Features.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Tests.Features.Dashboard;

/// <summary>PDS flags per employer from the latest reconciliation, against counts made in the test from the stored results.</summary>
public sealed class EmployerPdsTests
{
    [Theory]
    [MemberData(nameof(DashboardWorld.Providers), MemberType = typeof(DashboardWorld))]
    public async Task Employer_flags_equal_independent_counts_of_the_latest_run_and_follow_the_scope(string provider)
    {
        await using var world = await DashboardWorld.StartAsync(provider);
        foreach (var region in new[] { CoverageData.City, CoverageData.Regency, CoverageData.City })
        {
            // The city twice: only its latest run may count.
            await world.WithDbAsync(db => ReconciliationRunner.RunAsync(db, region, null, "test", Lindung.Features.Contributions.RateBookLoader.BuiltIn(), TimeProvider.System, CancellationToken.None));
        }

        await world.WithDbAsync(db => CoverageSnapshots.RefreshAsync(db, TimeProvider.System, CancellationToken.None));
        var results = await world.WithDbAsync(db => db.ReconciliationResults.AsNoTracking().Include(r => r.Run).ToListAsync());
        var nppOf = world.Data.Memberships.Where(m => m.ValidTo is null).ToDictionary(m => m.Kpj, m => m.EmployerNpp);
        var latest = results.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.Where(r => r.RunId == g.MaxBy(x => x.Run!.StartedAt)!.RunId).ToList());

        var everything = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, ReportScope.Everything, new ReportRequest(), world.Today, CancellationToken.None));
        var agency = world.Data.Agencies.First(a => Expected(latest, nppOf, [a.Id]).Count > 0);
        var operatorScope = new ReportScope([], agency.Id);
        var own = await world.WithDbAsync(db => CoverageReportBuilder.BuildAsync(db, operatorScope, new ReportRequest(), world.Today, CancellationToken.None));

        Assert.Equal(3, results.Select(r => r.RunId).Distinct().Count());
        var expected = Expected(latest, nppOf, latest.Keys);
        Assert.Equal(expected, Figures(everything));
        Assert.True(expected.Sum(e => e.Wage) > 0 && expected.Sum(e => e.Workers) > 0, "the generated data has underreported wages and unregistered roster workers");
        Assert.Equal(Expected(latest, nppOf, [agency.Id]), Figures(own));

        using var json = new MemoryStream();
        await ReportJson.WriteAsync(json, everything, CancellationToken.None);
        using var document = JsonDocument.Parse(json.ToArray());
        var byEmployer = document.RootElement.GetProperty("by_employer").EnumerateArray()
            .Select(e => (e.GetProperty("npp").GetString()!, e.GetProperty("registered").GetInt32(), e.GetProperty("pds_workers").GetInt32(),
                e.GetProperty("pds_wage").GetInt32(), e.GetProperty("pds_program").GetInt32()))
            .ToList();
        Assert.Equal(expected, byEmployer);

        // The CSV/XLSX table: one row per employer, the PDS columns last, totals their sums.
        var table = ReportTables.Build(everything, new Lindung.Localization.UiText(), "employers");
        Assert.Equal(expected.Select(e => e.Npp), table.Rows.Select(r => (string)r[0]!));
        Assert.Equal(expected.Select(e => (long)e.Wage), table.Rows.Select(r => (long)r[6]!));
        Assert.Equal(expected.Sum(e => (long)e.Workers), (long)table.Totals![5]!);
    }

    private static List<(string Npp, int Registered, int Workers, int Wage, int Program)> Figures(CoverageReport report) =>
        [.. report.Employers.Select(e => (e.Npp, e.Registered, e.PdsWorkers, e.PdsWage, e.PdsProgram))];

    /// <summary>
    /// Per NPP over the given agencies: matched workers whose KPJ is registered under it, their wage
    /// and program flags, and the agency's unregistered roster workers for the NPP registering most of its workers.
    /// </summary>
    private static List<(string Npp, int Registered, int Workers, int Wage, int Program)> Expected(
        Dictionary<Guid, List<ReconciliationResult>> latest, Dictionary<string, string?> nppOf, IEnumerable<Guid> agencies)
    {
        var totals = new Dictionary<string, (int Registered, int Workers, int Wage, int Program)>(StringComparer.Ordinal);
        foreach (var agency in agencies.Where(latest.ContainsKey))
        {
            var rows = latest[agency];
            var matched = rows.Where(r => r.Kpj is not null && nppOf.GetValueOrDefault(r.Kpj) is not null)
                .GroupBy(r => nppOf[r.Kpj!]!)
                .Select(g => (Npp: g.Key, Registered: g.Count(), Wage: g.Count(r => r.WageUnderreported), Program: g.Count(r => r.ProgramMissing)))
                .OrderByDescending(g => g.Registered).ThenBy(g => g.Npp, StringComparer.Ordinal)
                .ToList();
            var unregistered = rows.Count(r => r.Outcome == ReconcileOutcome.NotRegistered);
            for (var i = 0; i < matched.Count; i++)
            {
                var t = totals.GetValueOrDefault(matched[i].Npp);
                totals[matched[i].Npp] = (t.Registered + matched[i].Registered, t.Workers + (i == 0 ? unregistered : 0), t.Wage + matched[i].Wage, t.Program + matched[i].Program);
            }
        }

        return [.. totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value.Registered, t.Value.Workers, t.Value.Wage, t.Value.Program))];
    }
}
