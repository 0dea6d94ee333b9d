using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Dashboard;

/// <summary>
/// A generated registry for dashboard tests — agencies in Kota Madiun (35.77) and Kabupaten Madiun
/// (35.19), workers living in villages of both, ended and current jobs, ASN under Taspen, memberships
/// of every segment with history (an inactive version superseded by an active one), residents with
/// only a BPU membership — and the expected figures computed straight from these lists, without
/// the code under test.
/// </summary>
internal sealed class CoverageData
{
    public const string City = "35.77";
    public const string Regency = "35.19";
    public static readonly string[] Npps = [.. Enumerable.Range(0, 12).Select(i => (10_000_000 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public List<Agency> Agencies { get; } = [];

    public List<Worker> Workers { get; } = [];

    public List<Employment> Employments { get; } = [];

    public List<Membership> Memberships { get; } = [];

    public List<CoverageTarget> Targets { get; } = [];

    public static CoverageData Generate(int seed, DateOnly today)
    {
        var random = new Random(seed);
        var data = new CoverageData();
        for (var i = 0; i < 8; i++)
        {
            data.Agencies.Add(new Agency { Code = $"OPD-{i:00}", Name = $"Dinas Uji {i:00}", Kind = AgencyKind.Dinas, RegionCode = i < 6 ? City : Regency });
        }

        var villages = new[] { City, Regency }
            .SelectMany(r => AreaDirectory.Embedded.Children(r).Take(3))
            .SelectMany(d => AreaDirectory.Embedded.Children(d.Code).Take(3))
            .Select(v => v.Code)
            .ToArray();
        var categories = new[] { WorkerCategory.Honorer, WorkerCategory.Gtt, WorkerCategory.Ptt, WorkerCategory.Kontrak, WorkerCategory.HarianLepas, WorkerCategory.Outsourcing };
        var kpj = 30_000_000_000L;
        for (var i = 0; i < 260; i++)
        {
            var village = villages[random.Next(villages.Length)];
            var worker = new Worker
            {
                Nik = Lindung.Domain.Identifiers.Nik.Compose(village[..8], new DateOnly(1970 + random.Next(30), 1 + random.Next(12), 1 + random.Next(28)), Sex.L, 1 + (i % 9000)),
                Name = $"Pekerja {i:000}",
                RegionCode = village,
                Scheme = random.Next(20) == 0 ? SocialSecurityScheme.Taspen : SocialSecurityScheme.BpjsTk,
            };
            data.Workers.Add(worker);
            var rosterOnly = i < 230;
            if (rosterOnly)
            {
                var jobs = random.Next(10) == 0 ? 2 : 1;
                var previous = -1;
                for (var j = 0; j < jobs; j++)
                {
                    // Two jobs are at two agencies: a worker holds one open job per agency (the schema's rule).
                    var index = random.Next(data.Agencies.Count);
                    index = index == previous ? (index + 1) % data.Agencies.Count : index;
                    previous = index;
                    var agency = data.Agencies[index];
                    var from = today.AddDays(-random.Next(30, 800));
                    data.Employments.Add(new Employment
                    {
                        WorkerId = worker.Id,
                        AgencyId = agency.Id,
                        Category = categories[random.Next(categories.Length)],
                        MonthlyWage = 2_000_000 + random.Next(2_000_000),
                        FundingSource = FundingSource.Apbd,
                        ValidFrom = from,
                        ValidTo = random.Next(8) == 0 ? from.AddDays(random.Next(10, 25)) : null,
                        RegionCode = agency.RegionCode,
                    });
                }
            }

            if (rosterOnly && random.Next(10) < 3)
            {
                continue; // never registered
            }

            var segment = !rosterOnly ? Segment.Bpu : random.Next(20) switch { < 14 => Segment.Pu, < 17 => Segment.Bpu, < 19 => Segment.Jakon, _ => Segment.Pmi };
            var region = random.Next(4) == 0 ? Regency : City;
            var start = today.AddDays(-random.Next(20, 540));
            var npp = segment == Segment.Pu && random.Next(10) > 0 ? Npps[random.Next(Npps.Length)] : null;
            Membership Version(DateOnly from, DateOnly? to, MembershipStatus status) => new()
            {
                Kpj = (kpj + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                WorkerId = worker.Id,
                Segment = segment,
                Programs = ProgramSet.Jkk | ProgramSet.Jkm,
                EmployerNpp = npp,
                Status = status,
                ReportedWage = 2_500_000,
                ValidFrom = from,
                ValidTo = to,
                RegionCode = region,
            };

            if (random.Next(5) == 0)
            {
                // History: inactive first, active from a later day.
                var change = start.AddDays(random.Next(10, 200));
                data.Memberships.Add(Version(start, change, MembershipStatus.Inactive));
                data.Memberships.Add(Version(change, null, MembershipStatus.Active));
            }
            else
            {
                data.Memberships.Add(Version(start, null, random.Next(7) == 0 ? MembershipStatus.Inactive : MembershipStatus.Active));
            }
        }

        data.Targets.Add(new CoverageTarget { Year = today.Year, TargetBasisPoints = 9000, RegionCode = City });
        data.Targets.Add(new CoverageTarget { Year = today.Year, TargetBasisPoints = 6000, RegionCode = Regency });
        data.Targets.Add(new CoverageTarget { Year = today.Year, AgencyId = data.Agencies[0].Id, TargetBasisPoints = 5000, RegionCode = City });
        return data;
    }

    public async Task SaveAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        db.AddRange(Agencies);
        db.AddRange(Workers);
        await db.SaveChangesAsync();
        db.AddRange(Employments);
        db.AddRange(Memberships);
        db.AddRange(Targets);
        db.Add(new WorkingPopulation { RegionCode = City, Year = Targets[0].Year, Population = 100_000, Source = "test" });
        await db.SaveChangesAsync();
    }

    // ---- Expected figures, computed from the lists above ----

    public HashSet<Guid> CoveredOn(DateOnly day) =>
        [.. Memberships.Where(m => InForce(m.ValidFrom, m.ValidTo, day) && m.Status == MembershipStatus.Active).Select(m => m.WorkerId)];

    /// <summary>Per agency: distinct non-ASN workers with a job in force that day, and how many of them are covered.</summary>
    public Dictionary<Guid, (int Eligible, int Covered)> ByAgency(DateOnly day, string regionPrefix = "")
    {
        var covered = CoveredOn(day);
        var taspen = Workers.Where(w => w.Scheme == SocialSecurityScheme.Taspen).Select(w => w.Id).ToHashSet();
        return Agencies.Where(a => a.RegionCode.StartsWith(regionPrefix, StringComparison.Ordinal)).ToDictionary(a => a.Id, a =>
        {
            var staff = Employments.Where(e => e.AgencyId == a.Id && InForce(e.ValidFrom, e.ValidTo, day) && !taspen.Contains(e.WorkerId))
                .Select(e => e.WorkerId).Distinct().ToList();
            return (staff.Count, staff.Count(covered.Contains));
        });
    }

    /// <summary>Per area (the worker's region cut to <paramref name="length"/> characters): distinct roster workers and covered ones.</summary>
    public Dictionary<string, (int Eligible, int Covered)> ByResidence(DateOnly day, int length)
    {
        var covered = CoveredOn(day);
        var workers = Workers.ToDictionary(w => w.Id);
        return Employments.Where(e => e.AgencyId != null && InForce(e.ValidFrom, e.ValidTo, day) && workers[e.WorkerId].Scheme != SocialSecurityScheme.Taspen)
            .Select(e => e.WorkerId).Distinct()
            .GroupBy(id => workers[id].RegionCode[..length])
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(covered.Contains)));
    }

    public Dictionary<string, int> BySegment(DateOnly day, string regionPrefix = "") =>
        new[] { Segment.Pu, Segment.Bpu, Segment.Jakon, Segment.Pmi }.ToDictionary(
            s => EnumCodes<Segment>.ToCode(s),
            s => Memberships.Count(m => m.Segment == s && m.RegionCode.StartsWith(regionPrefix, StringComparison.Ordinal) && m.Status == MembershipStatus.Active && InForce(m.ValidFrom, m.ValidTo, day)));

    /// <summary>Each employer once, in one region: these employers have no record and no extract, so one of their members' regions.</summary>
    public int PuEmployers(DateOnly day, string regionPrefix = "") =>
        Memberships.Where(m => m.Segment == Segment.Pu && m.EmployerNpp != null && m.Status == MembershipStatus.Active && InForce(m.ValidFrom, m.ValidTo, day))
            .GroupBy(m => m.EmployerNpp)
            .Count(g => g.Select(m => m.RegionCode).Min(StringComparer.Ordinal)!.StartsWith(regionPrefix, StringComparison.Ordinal));

    private static bool InForce(DateOnly from, DateOnly? to, DateOnly day) => from <= day && (to is null || to > day);
}
