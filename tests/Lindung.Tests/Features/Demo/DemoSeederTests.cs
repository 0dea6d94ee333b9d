using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Lindung.Features.Demo;
using Lindung.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Lindung.Tests.Features.Demo;

/// <summary>A registry database with the default demo region seeded once, as <c>lindung serve --demo</c> would.</summary>
public abstract class DemoDatabase<TDatabase> : IAsyncLifetime
    where TDatabase : RegistryDatabase, new()
{
    /// <summary>A fixed day, so the region (and these tests) are the same on every run.</summary>
    public static readonly DateTimeOffset Now = new(2026, 5, 15, 3, 0, 0, TimeSpan.Zero);

    public TDatabase Database { get; } = new();

    internal DemoSeedResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Result = await DemoSeeder.SeedAsync(Database.Settings, new FixedClock(Now), new DemoOptions());
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        (Database as IDisposable)?.Dispose();
    }
}

public sealed class SqliteDemoDatabase : DemoDatabase<SqliteRegistryDatabase>;

public sealed class PostgresDemoDatabase : DemoDatabase<PostgresRegistryDatabase>;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The seeded demo region, checked row by row; each concrete subclass runs them on one provider.</summary>
public abstract class DemoSeederTests<TDatabase>(DemoDatabase<TDatabase> demo, ITestOutputHelper output)
    where TDatabase : RegistryDatabase, new()
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DemoDatabase<TDatabase>.Now.UtcDateTime);

    [Fact]
    public async Task Seeding_writes_the_region_it_reports()
    {
        await using var db = demo.Database.NewContext();
        var result = demo.Result;

        output.WriteLine($"{typeof(TDatabase).Name}: {result}");
        Assert.True(result.Seeded);
        Assert.Equal(DemoAgencies.All.Count, result.Agencies);
        Assert.Equal(result.Agencies, await db.Agencies.CountAsync());
        Assert.Equal(300, await db.Employers.CountAsync());
        // 3,000 agency staff, 300 outsourced, and three foreign specialists at the RSUD.
        Assert.Equal(3000 + 300 + 3, await db.Workers.CountAsync());
        Assert.Equal(result.Employments, await db.Employments.CountAsync());
        Assert.InRange(result.Employments, 3000, 3300);
        Assert.Equal(result.Memberships, await db.Memberships.CountAsync());
        Assert.Equal(result.Memberships, (await db.MembershipExtracts.SingleAsync()).RowCount);
        Assert.Equal(result.Agencies + 1, await db.CoverageTargets.CountAsync(t => t.Year == 2026));
        Assert.Equal(1, await db.CoverageTargets.CountAsync(t => t.AgencyId == null && t.TargetBasisPoints == 9500));
        Assert.Equal(DemoSeeder.OperatorAgencyCode, (await db.Agencies.SingleAsync(a => a.Id == result.OperatorAgencyId)).Code);
        Assert.Equal(AgencyKind.Sekolah, (await db.Agencies.SingleAsync(a => a.Id == result.SchoolAgencyId)).Kind);
    }

    [Fact]
    public async Task Demo_contracts_show_protected_and_unprotected_ones()
    {
        await using var db = demo.Database.NewContext();
        var contracts = await db.Contracts.Include(c => c.Stages).Include(c => c.Workers).Include(c => c.Contractor).AsSplitQuery().ToListAsync();
        var unprotected = await Lindung.Features.Procurement.Contracts.UnprotectedAsync(
            db, Lindung.Features.Contributions.RateBookLoader.BuiltIn(), contracts, Today, CancellationToken.None);

        // Construction paid, construction unpaid, cleaning with two unenrolled workers, goods, security all enrolled.
        Assert.Equal(5, contracts.Count);
        Assert.Equal(
            [.. contracts.Where(c => c.Number.EndsWith("/021", StringComparison.Ordinal) || c.Number.StartsWith("027/SPK/DLH/", StringComparison.Ordinal)).Select(c => c.Number).Order(StringComparer.Ordinal)],
            contracts.Where(c => unprotected.Contains(c.Id)).Select(c => c.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_branch_has_a_docket_and_the_operators_agency_an_uncovered_fatal_accident()
    {
        await using var db = demo.Database.NewContext();
        var stages = await db.EnforcementCases.Select(c => c.Stage).ToListAsync();
        Assert.Equal(6, stages.Count);
        Assert.Contains(Lindung.Domain.Enforcement.EnforcementStage.Referral, stages);
        Assert.Equal(12_500_000 + 4_200_000, await db.EnforcementCases.SumAsync(c => c.AmountRecovered));
        Assert.Equal(5, await db.EnforcementLetters.CountAsync(l => l.Kind == EnforcementLetterKind.Warning1));
        var uncovered = await db.Claims.SingleAsync(c => !c.CoveredOnEvent);
        Assert.True(uncovered.Death);
        Assert.True(uncovered.Liability > 22_000_000, $"liability {uncovered.Liability}");
        Assert.Equal(2, await db.Claims.CountAsync(c => c.CoveredOnEvent));
    }

    [Fact]
    public async Task The_branch_has_agency_feedback_one_ticket_closed_with_five_stars_and_one_past_its_answer_time()
    {
        await using var db = demo.Database.NewContext();
        var tickets = await db.Tickets.ToListAsync();
        Assert.Equal(3, tickets.Count);
        Assert.Equal(5, tickets.Single(t => t.Status == Lindung.Domain.Feedback.TicketStatus.Closed).Satisfaction);
        Assert.Single(tickets, t => t.FirstAnsweredOn is null && t.AnswerDueOn < Today);
        Assert.Equal(5, await db.TicketMessages.CountAsync());
    }

    [Fact]
    public async Task Every_row_and_its_audit_is_in_the_region_and_by_the_demo_seed()
    {
        await using var db = demo.Database.NewContext();
        var codes = new List<string>();
        codes.AddRange(await db.Agencies.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.Employers.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.Workers.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.Employments.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.Memberships.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.MembershipExtracts.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.CoverageTargets.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.WorkingPopulations.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.CoverageThresholds.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.BranchOffices.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.BranchWorkingAreas.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.Contracts.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.ContractStages.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.ContractWorkers.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.VillageAssignments.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.VillageProfiles.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.Sponsors.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.Sponsorships.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.SponsoredMonths.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.WorkerGroups.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.GroupMembers.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.FieldLeads.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.EnforcementCases.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.EnforcementSteps.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.EnforcementLetters.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.Claims.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.Tickets.Select(x => x.RegionCode).ToListAsync());
        codes.AddRange(await db.TicketMessages.Select(x => x.RegionCode).ToListAsync());

        Assert.All(codes, code => Assert.StartsWith("35.", code, StringComparison.Ordinal));
        Assert.All(codes, code => Assert.NotNull(AreaDirectory.Embedded.Find(code)));
        // Licence rules are audited too; a province-wide rule's code (35.00) names no area, so they are counted apart.
        var rules = await db.LicenceRules.Select(x => x.RegionCode).ToListAsync();
        Assert.All(rules, code => Assert.True(code is DemoRegion.RegionCode or "35.00", code));
        Assert.Equal(codes.Count + rules.Count, await db.AuditEvents.CountAsync(e => e.Actor == DemoRegion.Actor && e.Action == AuditAction.Create));
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Actor != DemoRegion.Actor));
    }

    [Fact]
    public async Task Two_sponsors_fund_waiting_workers_and_the_csr_one_has_a_handover_due()
    {
        await using var db = demo.Database.NewContext();
        var sponsors = await db.Sponsors.OrderBy(s => s.Name).ToListAsync();
        Assert.Equal(2, sponsors.Count);
        var csr = sponsors.Single(s => s.AccountEmail == DemoSponsors.CsrAccount);
        var funded = await db.Sponsorships.CountAsync();
        var csrPeriods = await db.Sponsorships.Where(s => s.SponsorId == csr.Id).Select(s => new { s.FirstMonth, s.Months }).ToListAsync();
        Assert.All(csrPeriods, p => Assert.Equal(new DateOnly(2026, 6, 1), p.FirstMonth.AddMonths(p.Months))); // within 30 days of 15 May 2026
        Assert.InRange(await db.Sponsorships.CountAsync(s => s.SponsorId == csr.Id), 1, 10);
        Assert.InRange(await db.Sponsorships.CountAsync(s => s.SponsorId != csr.Id), 1, 8);
        // Informal workers only: nobody with a job on record is sponsored.
        Assert.False(await db.Sponsorships.AnyAsync(s => db.Employments.Any(e => e.WorkerId == s.WorkerId && e.ValidTo == null)));
        // Every sponsored month was priced at the BPU minimum package (JKK+JKM: Rp16,800, or Rp8,400 inside the PP 50/2025 window).
        Assert.All(await db.SponsoredMonths.Select(m => m.Amount).Distinct().ToListAsync(), amount => Assert.Contains(amount, new long[] { 16_800, 8_400 }));
        Assert.Equal(funded * 12, await db.SponsoredMonths.CountAsync());
    }

    [Fact]
    public async Task Three_groups_of_informal_workers_one_fostered_by_the_operators_agency()
    {
        await using var db = demo.Database.NewContext();
        var groups = await db.WorkerGroups.Include(g => g.Agency).OrderBy(g => g.Name).ToListAsync();
        Assert.Equal(["Guru Ngaji Kota Madiun", "Kelompok Tani Sumber Makmur", "Pemulung Bank Sampah Hijau"], groups.Select(g => g.Name));
        Assert.Contains(groups, g => g.Agency!.Code == DemoSeeder.OperatorAgencyCode);
        Assert.Equal(30, await db.GroupMembers.CountAsync());
        Assert.False(await db.GroupMembers.AnyAsync(m => db.Employments.Any(e => e.WorkerId == m.WorkerId && e.ValidTo == null)));
    }

    [Fact]
    public async Task The_field_officer_has_leads_at_every_hand_set_stage_in_the_fostered_villages()
    {
        await using var db = demo.Database.NewContext();
        var villages = await db.VillageAssignments.Select(a => a.VillageCode).Distinct().ToListAsync();
        var leads = await db.FieldLeads.ToListAsync();
        Assert.Equal(12, leads.Count);
        Assert.All(leads, l => Assert.Contains(l.RegionCode, villages));
        Assert.Equal([LeadStage.Captured, LeadStage.Contacted, LeadStage.Willing], leads.Select(l => l.Stage).Distinct().Order());
    }

    [Fact]
    public async Task Some_employers_are_compliant_so_the_branch_has_firms_to_certify_and_others_have_findings()
    {
        await using var db = demo.Database.NewContext();
        var npps = await db.Employers.Where(e => e.Npp != null && e.RegionCode == DemoRegion.RegionCode).OrderBy(e => e.Npp).Select(e => e.Npp!).ToListAsync();
        var check = new Lindung.Features.Compliance.CheckEmployerCompliance(db, new FixedClock(DemoDatabase<TDatabase>.Now));
        var statuses = new List<Lindung.Domain.Compliance.ComplianceStatus>();
        foreach (var npp in npps)
        {
            statuses.Add((await check.HandleAsync(npp, Lindung.Security.AccessScope.Operator, CancellationToken.None)).Value.Status);
        }

        Assert.Contains(Lindung.Domain.Compliance.ComplianceStatus.Patuh, statuses);
        Assert.Contains(Lindung.Domain.Compliance.ComplianceStatus.TidakPatuh, statuses);
        Assert.Contains(Lindung.Domain.Compliance.ComplianceStatus.TidakTerdaftar, statuses);
    }

    [Fact]
    public async Task The_licensing_office_has_its_rules_and_a_few_hundred_checks_granted_and_refused()
    {
        await using var db = demo.Database.NewContext();
        Assert.Equal(8, await db.LicenceRules.CountAsync());
        var checks = await db.LicenceChecks.ToListAsync();
        Assert.InRange(checks.Count, 250, 300);
        Assert.All(checks, c => Assert.Equal((DemoLicensing.Officer, DemoRegion.RegionCode), (c.AskedBy, c.RegionCode)));
        Assert.Contains(checks, c => c.Outcome == Lindung.Domain.Licensing.LicensingOutcome.Izinkan);
        Assert.Contains(checks, c => c.Outcome == Lindung.Domain.Licensing.LicensingOutcome.Tolak);
    }

    [Fact]
    public async Task Workers_have_valid_unique_NIKs_matching_their_birth_date_and_sex()
    {
        await using var db = demo.Database.NewContext();
        var workers = await db.Workers.ToListAsync();
        var validator = new NikValidator(AreaDirectory.Embedded);

        Assert.Equal(workers.Count, workers.Select(w => w.Nik).Distinct().Count());
        // Foreign workers hold the key of their passport/KITAS and nationality instead of a NIK.
        var foreign = workers.Where(w => w.Nationality is not null).ToList();
        Assert.Equal(3, foreign.Count);
        Assert.All(foreign, w => Assert.Equal(new ForeignIdentity(w.Nationality!, w.TravelDocument!).RegistryKey, w.Nik));
        Assert.All(workers.Except(foreign), w =>
        {
            var check = validator.Check(w.Nik, Today);
            Assert.True(check.IsValid, $"{Lindung.Domain.Identifiers.Nik.Mask(w.Nik)}: {string.Join(", ", check.Errors.Select(e => e.Code))}");
            Assert.Equal(w.BirthDate, check.BirthDate);
            Assert.Equal(w.Sex.ToString(), check.Sex.ToString());
            Assert.InRange(Today.Year - w.BirthDate!.Value.Year, 19, 59);
            Assert.Equal(AreaLevel.Village, AreaDirectory.Embedded.Find(w.RegionCode)?.Level);
        });
        // Mostly issued in Kota Madiun, the rest in the regencies around it.
        var issued = workers.GroupBy(w => w.Nik[..4]).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(issued["3577"], workers.Count / 2, workers.Count * 4 / 5);
        Assert.True(issued.Keys.ToHashSet().IsSupersetOf(["3577", "3519", "3520", "3521", "3502"]));
        Assert.All(workers.Where(w => w.Phone is not null), w => Assert.Matches("^08[1-9][0-9]{8,9}$", w.Phone));
    }

    [Fact]
    public async Task Identifiers_have_their_formats_and_are_unique()
    {
        await using var db = demo.Database.NewContext();
        var kpjs = await db.Memberships.Select(m => m.Kpj).ToListAsync();
        var employers = await db.Employers.ToListAsync();
        var npps = employers.Where(e => e.Npp is not null).Select(e => e.Npp!).ToList();

        Assert.All(kpjs, kpj => Assert.Matches("^[0-9]{11}$", kpj));
        Assert.Equal(kpjs.Count, kpjs.Distinct().Count());
        Assert.All(npps, npp => Assert.Matches("^[0-9]{8}$", npp));
        Assert.Equal(npps.Count, npps.Distinct().Count());
        Assert.InRange(npps.Count, 240, 295); // some firms have never registered
        Assert.All(employers, e => Assert.Matches("^[0-9]{13}$", e.Nib));
        Assert.All(employers, e => Assert.Matches("^0[0-9]{15}$", e.Npwp));
        Assert.All(employers, e => Assert.InRange(e.JkkRiskGroup!.Value, 1, 5));
        Assert.Equal(employers.Count, employers.Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var mediumOrLarge = employers.Count(e => e.BusinessSize is BusinessSize.Medium or BusinessSize.Large);
        Assert.InRange(mediumOrLarge, employers.Count * 30 / 100, employers.Count * 50 / 100);
    }

    [Fact]
    public async Task Coverage_differs_across_agencies_green_to_red()
    {
        await using var db = demo.Database.NewContext();
        var roster = await db.Employments.Where(e => e.ValidTo == null && e.AgencyId != null)
            .Select(e => new { e.AgencyId, e.WorkerId }).ToListAsync();
        var covered = (await db.Memberships
            .Where(m => m.ValidTo == null && m.Segment == Lindung.Domain.Contributions.Segment.Pu && m.Status == MembershipStatus.Active)
            .Select(m => m.WorkerId).ToListAsync()).ToHashSet();
        var registered = (await db.Memberships.Where(m => m.Segment == Lindung.Domain.Contributions.Segment.Pu).Select(m => m.WorkerId).ToListAsync()).ToHashSet();

        var rates = roster.GroupBy(r => r.AgencyId).Select(g => (double)g.Count(r => covered.Contains(r.WorkerId)) / g.Count()).ToList();

        Assert.Contains(rates, rate => rate >= 0.95);
        Assert.Contains(rates, rate => rate < 0.60);
        Assert.Contains(rates, rate => rate is >= 0.60 and < 0.95);
        var overall = (double)roster.Count(r => covered.Contains(r.WorkerId)) / roster.Count;
        Assert.InRange(overall, 0.65, 0.78);
        var unregistered = (double)roster.Count(r => !registered.Contains(r.WorkerId)) / roster.Count;
        Assert.InRange(unregistered, 0.18, 0.27);
    }

    [Fact]
    public async Task Memberships_show_arrears_PDS_upah_and_a_BPU_segment()
    {
        await using var db = demo.Database.NewContext();
        var memberships = await db.Memberships.ToListAsync();
        var wages = (await db.Employments.Where(e => e.ValidTo == null).ToListAsync()).ToDictionary(e => e.WorkerId, e => e.MonthlyWage);
        var pu = memberships.Where(m => m.Segment == Lindung.Domain.Contributions.Segment.Pu).ToList();
        var bpu = memberships.Where(m => m.Segment == Lindung.Domain.Contributions.Segment.Bpu).ToList();
        var lastMonth = new DateOnly(2026, 4, 1);

        Assert.All(pu.Where(m => m.Status == MembershipStatus.Active), m => Assert.Equal(lastMonth, m.LastPaidMonth));
        Assert.All(memberships.Where(m => m.Status == MembershipStatus.Inactive), m => Assert.True(m.LastPaidMonth < lastMonth));
        Assert.Contains(pu, m => m.Status == MembershipStatus.Inactive);
        Assert.All(pu, m => Assert.Matches("^[0-9]{8}$", m.EmployerNpp));
        Assert.All(pu, m => Assert.True(m.Programs.HasFlag(ProgramSet.Jkk | ProgramSet.Jkm)));
        Assert.Contains(pu, m => m.Programs.HasFlag(ProgramSet.Jht));
        var underReported = pu.Count(m => wages.TryGetValue(m.WorkerId, out var wage) && m.ReportedWage < wage);
        Assert.InRange(underReported, pu.Count / 20, pu.Count / 5);
        Assert.InRange(bpu.Count, 300, 450);
        Assert.All(bpu, m => Assert.Null(m.EmployerNpp));
        Assert.All(bpu, m => Assert.True(m.ReportedWage >= 1_000_000));
        Assert.Contains(bpu, m => m.RegionCode == DemoPeople.KabupatenMadiun);
        Assert.All(memberships, m => Assert.NotNull(m.SourceExtractId));
        var extract = await db.MembershipExtracts.SingleAsync();
        Assert.Equal("Ekstrak kepesertaan BPJS TK Cabang Madiun, April 2026.xlsx", extract.FileName);
        Assert.Matches("^[0-9a-f]{64}$", extract.Sha256);
    }

    [Fact]
    public async Task Employments_carry_categories_wages_and_funding_where_they_belong()
    {
        await using var db = demo.Database.NewContext();
        var jobs = await db.Employments.Include(e => e.Agency).ToListAsync();

        var outsourced = jobs.Where(e => e.Category == WorkerCategory.Outsourcing).ToList();
        Assert.NotEmpty(outsourced);
        Assert.All(outsourced, e => Assert.True(e.AgencyId is null && e.EmployerId is not null));
        Assert.All(jobs.Where(e => e.Category != WorkerCategory.Outsourcing), e => Assert.True(e.AgencyId is not null && e.EmployerId is null));
        var vendorIds = outsourced.Select(e => e.EmployerId).ToHashSet();
        var vendorSectors = await db.Employers.Where(e => vendorIds.Contains(e.Id)).Select(e => e.Sector!).Distinct().ToListAsync();
        Assert.All(vendorSectors, s => Assert.Contains(s, DemoEmployers.Sectors.Where(x => x.Outsourcing).Select(x => x.Label)));

        var gtt = jobs.Where(e => e.Category == WorkerCategory.Gtt).ToList();
        Assert.True(gtt.Count > 200, $"{gtt.Count} GTT");
        Assert.All(gtt, e => Assert.Contains(e.Agency!.Kind, new[] { AgencyKind.Sekolah, AgencyKind.Madrasah }));
        Assert.All(jobs, e => Assert.InRange(e.MonthlyWage, 1_000_000, 7_500_000));
        Assert.All(jobs.Where(e => e.Category == WorkerCategory.Honorer), e => Assert.InRange(e.MonthlyWage, 1_000_000, 2_500_000));
        Assert.All(jobs.Where(e => e.Agency?.Kind == AgencyKind.Rsud), e => Assert.Equal(FundingSource.Blud, e.FundingSource));
        Assert.All(jobs.Where(e => e.Agency?.Code == DemoAgencies.Disnaker), e => Assert.Equal(FundingSource.Apbd, e.FundingSource));
        foreach (var category in new[] { WorkerCategory.Honorer, WorkerCategory.Gtt, WorkerCategory.Ptt, WorkerCategory.Kontrak, WorkerCategory.HarianLepas })
        {
            Assert.Contains(jobs, e => e.Category == category);
        }

        // History: superseded versions and people who left, a small share.
        var closed = jobs.Count(e => e.ValidTo is not null);
        Assert.InRange(closed, jobs.Count / 40, jobs.Count / 8);
        Assert.All(jobs, e => Assert.True(e.ValidFrom < Today && (e.ValidTo is null || e.ValidTo > e.ValidFrom)));
    }

    [Fact]
    public async Task Seeding_again_writes_nothing()
    {
        int Count(LindungDbContext db) => db.Workers.Count() + db.Memberships.Count() + db.AuditEvents.Count();
        await using var before = demo.Database.NewContext();
        var rows = Count(before);

        var again = await DemoSeeder.SeedAsync(demo.Database.Settings, new FixedClock(DemoDatabase<TDatabase>.Now), new DemoOptions());

        await using var after = demo.Database.NewContext();
        Assert.False(again.Seeded);
        Assert.Equal(0, again.Workers);
        Assert.Equal(demo.Result.OperatorAgencyId, again.OperatorAgencyId);
        Assert.Equal(rows, Count(after));
    }
}

public sealed class SqliteDemoSeederTests(SqliteDemoDatabase demo, ITestOutputHelper output)
    : DemoSeederTests<SqliteRegistryDatabase>(demo, output), IClassFixture<SqliteDemoDatabase>;

public sealed class PostgresDemoSeederTests(PostgresDemoDatabase demo, ITestOutputHelper output)
    : DemoSeederTests<PostgresRegistryDatabase>(demo, output), IClassFixture<PostgresDemoDatabase>;
