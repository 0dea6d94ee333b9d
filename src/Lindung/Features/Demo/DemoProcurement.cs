using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Procurement;
using Lindung.Features.Contributions;
using Lindung.Features.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// A handful of contracts so the contract pages and the value at risk show something real: Dinas
/// PUPR's construction works, one with its Jakon registered and paid, one not; Dinas Lingkungan
/// Hidup's cleaning services whose assigned workers are partly not enrolled by the contractor, and
/// its goods; Satpol PP's security services with every guard enrolled. Stored as the registry
/// would (audited as the demo actor), dated from the seeding day.
/// </summary>
internal static class DemoProcurement
{
    public const string PuprCode = "1.03.01";
    public const string SatpolCode = "1.05.01";

    public static async Task<int> SeedAsync(LindungDbContext db, DateOnly today, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == DemoRegion.RegionCode).ToDictionaryAsync(a => a.Code, ct);
        var employers = await db.Employers.AsNoTracking().Where(e => e.Npp != null && e.RegionCode.StartsWith(DemoRegion.RegionCode))
            .OrderBy(e => e.Name).ToListAsync(ct);
        var byNpp = employers.ToDictionary(e => e.Npp!, StringComparer.Ordinal);
        // The region's firms whose PU members are active today, most members first: the cleaning and security contractors.
        var staffed = (await db.Memberships.AsNoTracking().CoveredOn(today)
                .Where(m => m.Segment == Segment.Pu && m.EmployerNpp != null)
                .Select(m => new { m.EmployerNpp, m.Worker!.Nik })
                .ToListAsync(ct))
            .Where(m => byNpp.ContainsKey(m.EmployerNpp!))
            .GroupBy(m => m.EmployerNpp!, StringComparer.Ordinal)
            .Where(g => g.Count() >= 3)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(2)
            .Select(g => (Employer: byNpp[g.Key], Niks: g.Select(m => m.Nik).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(3).ToList()))
            .ToList();
        var unenrolled = await db.Workers.AsNoTracking().Where(w => !db.Memberships.Any(m => m.WorkerId == w.Id))
            .OrderBy(w => w.Nik).Select(w => w.Nik).Take(2).ToListAsync(ct);
        var others = employers.Where(e => staffed.All(s => s.Employer.Id != e.Id)).ToList();
        if (staffed.Count < 2 || others.Count < 2 || !agencies.TryGetValue(PuprCode, out var pupr)
            || !agencies.TryGetValue(DemoAgencies.Dlh, out var dlh) || !agencies.TryGetValue(SatpolCode, out var satpol))
        {
            return 0;
        }

        var book = RateBookLoader.BuiltIn();
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var (builder, supplier) = (others[0], others[^1]);
        var (cleaner, guard) = (staffed[0].Employer, staffed[1].Employer);

        var paid = New(pupr, builder, $"600/SPK/PUPR/{start.Year}/014", ContractKind.Konstruksi, 2_350_000_000, start, start.AddMonths(8), "35.77.02.1001");
        var due = Contracts.JakonDue(book, paid) ?? 0;
        paid.JakonRegistrationNumber = $"JK-3577-{start.Year}-0142";
        paid.JakonPaid = due;
        paid.JakonPaidOn = start.AddDays(6);
        var unpaid = New(pupr, builder, $"600/SPK/PUPR/{start.Year}/021", ContractKind.Konstruksi, 875_000_000, start.AddMonths(1), start.AddMonths(6), "35.77.01.1001");
        var cleaning = New(dlh, cleaner, $"027/SPK/DLH/{start.Year}/003", ContractKind.JasaLainnya, 1_140_000_000, new DateOnly(start.Year, 1, 1), new DateOnly(start.Year, 12, 31), "35.77.03.1001");
        foreach (var nik in staffed[0].Niks.Concat(unenrolled))
        {
            cleaning.Workers.Add(new ContractWorker { ContractId = cleaning.Id, Nik = nik, RegionCode = dlh.RegionCode });
        }

        var goods = New(dlh, supplier, $"027/SP/DLH/{start.Year}/007", ContractKind.Barang, 385_000_000, start, start.AddMonths(1), "35.77.03.1001");
        var security = New(satpol, guard, $"300/SPK/SATPOL/{start.Year}/002", ContractKind.JasaLainnya, 690_000_000, new DateOnly(start.Year, 1, 1), new DateOnly(start.Year, 12, 31), "35.77.01.1001");
        foreach (var nik in staffed[1].Niks)
        {
            security.Workers.Add(new ContractWorker { ContractId = security.Id, Nik = nik, RegionCode = satpol.RegionCode });
        }

        Contract[] contracts = [paid, unpaid, cleaning, goods, security];
        db.Contracts.AddRange(contracts);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return contracts.Length;
    }

    /// <summary>A contract paid in two stages, 30 % and 70 %.</summary>
    private static Contract New(Agency agency, Employer contractor, string number, ContractKind kind, long value, DateOnly start, DateOnly end, string village)
    {
        var contract = new Contract
        {
            Number = number,
            AgencyId = agency.Id,
            CommitmentOfficer = "PPK " + agency.Name,
            ContractorId = contractor.Id,
            Kind = kind,
            Value = value,
            StartDate = start,
            EndDate = end,
            LocationCode = village,
            CreatedAt = start.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            CreatedBy = DemoRegion.Actor,
            RegionCode = agency.RegionCode,
        };
        var first = (long)Math.Round(value * 0.3m, MidpointRounding.AwayFromZero);
        contract.Stages.Add(new ContractStage { ContractId = contract.Id, Number = 1, ShareBasisPoints = 3000, Amount = first, PlannedOn = start.AddMonths(1), RegionCode = agency.RegionCode });
        contract.Stages.Add(new ContractStage { ContractId = contract.Id, Number = 2, ShareBasisPoints = 7000, Amount = value - first, PlannedOn = end, RegionCode = agency.RegionCode });
        return contract;
    }
}
