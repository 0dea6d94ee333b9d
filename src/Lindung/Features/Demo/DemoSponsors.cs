using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Budget;
using Lindung.Domain.Contributions;
using Lindung.Features.Contributions;
using Lindung.Features.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// Two bapak asuh in the demo city: a bank's CSR (the demo Sponsor account) funding up to ten waiting
/// informal workers (no job on record, no membership) of three fostered villages for a year that ends next month, so its page shows the handover reminder,
/// paid up to last month; and BAZNAS funding up to eight more in the other three since two months ago, invoiced but unpaid this
/// month. Each month is priced with the built-in BPU rates, as a pledge made in the app would be.
/// </summary>
internal static class DemoSponsors
{
    public const string CsrAccount = "sponsor@demo.lindung.id";

    public static async Task SeedAsync(LindungDbContext db, DateOnly today, CancellationToken ct)
    {
        var villages = await db.VillageAssignments.AsNoTracking()
            .Where(a => a.RegionCode == DemoRegion.RegionCode)
            .Select(a => a.VillageCode).Distinct().OrderBy(c => c)
            .ToListAsync(ct);
        if (villages.Count < 6)
        {
            return;
        }

        var book = RateBookLoader.BuiltIn();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var csr = new Sponsor { Name = "Bank Jatim Cabang Madiun (CSR)", Kind = SponsorKind.Csr, AccountEmail = CsrAccount, VillageCodes = villages[..3], RegionCode = DemoRegion.RegionCode };
        var baznas = new Sponsor { Name = "BAZNAS Kota Madiun", Kind = SponsorKind.Zakat, VillageCodes = villages[3..6], RegionCode = DemoRegion.RegionCode };
        db.Sponsors.AddRange(csr, baznas);
        await FundAsync(db, book, csr, 10, thisMonth.AddMonths(-11), 12, paidBefore: thisMonth, invoicedBefore: thisMonth.AddMonths(1), today, ct);
        await FundAsync(db, book, baznas, 8, thisMonth.AddMonths(-2), 12, paidBefore: thisMonth, invoicedBefore: thisMonth.AddMonths(1), today, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task FundAsync(
        LindungDbContext db, RateBook book, Sponsor sponsor, int count, DateOnly first, int months, DateOnly paidBefore, DateOnly invoicedBefore, DateOnly today, CancellationToken ct)
    {
        var villages = sponsor.VillageCodes;
        var workers = await db.Workers.AsNoTracking()
            .Where(w => villages.Contains(w.RegionCode) && !db.Memberships.CoveredOn(today).Any(m => m.WorkerId == w.Id))
            .Where(w => !db.Employments.Any(e => e.WorkerId == w.Id && e.ValidTo == null))
            .OrderBy(w => w.Name)
            .Take(count)
            .Select(w => new { w.Id, w.RegionCode })
            .ToListAsync(ct);
        var from = new ContributionMonth(first.Year, first.Month);
        var income = book.BpuMinimumIncome(from);
        var programs = new[] { ContributionProgram.Jkk, ContributionProgram.Jkm };
        var (plan, _) = BudgetPlanner.Plan(
            new BudgetScenario(from, months, [new BudgetGroup(sponsor.Name, Segment.Bpu, 1, income, null, programs, BudgetPayer.Sponsor)]), book);
        if (plan is null)
        {
            return;
        }

        foreach (var worker in workers)
        {
            var sponsorship = new Sponsorship
            {
                SponsorId = sponsor.Id,
                WorkerId = worker.Id,
                FirstMonth = first,
                Months = months,
                MonthlyIncome = income,
                Programs = "JKK,JKM",
                Occupation = BpuSector.Other,
                PledgedOn = first.AddDays(-7),
                RegionCode = worker.RegionCode[..5],
            };
            db.Sponsorships.Add(sponsorship);
            foreach (var month in PledgeSponsorship.LedgerMonths(sponsorship, plan.Groups[0].ByMonth))
            {
                month.InvoicedOn = month.Month < invoicedBefore ? month.Month : null;
                month.PaidOn = month.Month < paidBefore ? month.Month.AddDays(14) : null;
                db.SponsoredMonths.Add(month);
            }
        }
    }
}
