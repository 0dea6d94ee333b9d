using Lindung.Data;
using Lindung.Domain.Compliance;
using Lindung.Features.Compliance;
using Lindung.Features.Enforcement;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// The demo branch's enforcement docket, written through the use cases on a clock moved back day by day,
/// so every case has real letters, deadlines on the holiday calendar and history: one just opened, one
/// warned and overdue, one at the second warning, one under TMP2T (the licensing gate refuses it), one
/// with the Kejaksaan Negeri, which has recovered part of the arrears, and one closed as complied.
/// </summary>
internal static class DemoEnforcement
{
    public const string Prosecutor = "jaksa@demo.lindung.id";
    private const string Branch = "cabang@demo.lindung.id";

    public static async Task SeedAsync(LindungDbContext db, DateOnly today, CancellationToken ct)
    {
        var clock = new DemoDayClock(today);
        var scope = new AccessScope(new HashSet<string> { LindungRoles.BranchOfficer }, [DemoRegion.RegionCode], null, Branch);
        var compliance = new CheckEmployerCompliance(db, clock);
        var candidates = await db.Employers.AsNoTracking()
            .Where(e => e.RegionCode == DemoRegion.RegionCode && e.Npp != null).OrderBy(e => e.Name).Select(e => new { e.Id, e.Npp }).ToListAsync(ct);
        var noncompliant = new List<Guid>();
        foreach (var candidate in candidates)
        {
            var result = await compliance.HandleAsync(candidate.Npp, scope, ct);
            if (result.Succeeded && result.Value.Status == ComplianceStatus.TidakPatuh)
            {
                noncompliant.Add(candidate.Id);
            }

            if (noncompliant.Count == 6)
            {
                break;
            }
        }

        var open = new OpenCase(db, compliance, clock);
        var advance = new AdvanceCase(db, new EnforcementLetters(db), clock);
        var close = new CloseCase(db, clock);
        var act = new RecordProsecutorAction(db, clock);

        // (days ago opened, stages climbed with the days between them, then what happened last), oldest first so the numbers run in opening order.
        var plans = new (int OpenedDaysAgo, string[] Stages, int Step, string? Then)[]
        {
            (160, ["warning1", "warning2", "fine", "tmp2t", "referral"], 20, "recovered"),
            (110, ["warning1", "warning2", "fine", "tmp2t"], 16, null),
            (60, ["warning1"], 5, "complied"),
            (40, ["warning1", "warning2"], 15, null),
            (30, ["warning1"], 3, null),
            (2, [], 0, null),
        };
        for (var i = 0; i < noncompliant.Count && i < plans.Length; i++)
        {
            var (openedDaysAgo, stages, step, then) = plans[i];
            clock.Day = today.AddDays(-openedDaysAgo);
            var opened = await open.HandleAsync(noncompliant[i], scope, ct);
            if (!opened.Succeeded)
            {
                continue;
            }

            foreach (var stage in stages)
            {
                clock.Day = clock.Day.AddDays(step);
                await advance.HandleAsync(opened.Value.Id, new AdvanceInput(
                    stage,
                    ContributionsDue: stage == "fine" ? 18_600_000 : null,
                    ProsecutorRegion: stage == "referral" ? DemoRegion.RegionCode : null,
                    SkkNumber: stage == "referral" ? "SKK/017/KC-MADIUN/2026" : null,
                    SkkDate: stage == "referral" ? clock.Day.AddDays(-2) : null,
                    StateAttorney: stage == "referral" ? "Rina Kusumawati, S.H." : null), scope, ct);
            }

            if (then == "recovered")
            {
                clock.Day = clock.Day.AddDays(14);
                var prosecutor = new AccessScope(new HashSet<string> { LindungRoles.Prosecutor }, [DemoRegion.RegionCode], null, Prosecutor);
                await act.HandleAsync(opened.Value.Id, "Pemanggilan dan mediasi: pemberi kerja membayar sebagian tunggakan.", 12_500_000, prosecutor, ct);
            }

            if (then == "complied")
            {
                clock.Day = clock.Day.AddDays(6);
                await close.HandleAsync(opened.Value.Id, "complied", 4_200_000, "Seluruh pekerja didaftarkan dan tunggakan dilunasi.", scope, ct);
            }
        }

        db.ChangeTracker.Clear();
    }
}
