using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Microsoft.Extensions.DependencyInjection;
using DomainSex = Lindung.Domain.Identifiers.Sex;

namespace Lindung.Tests.Infrastructure;

/// <summary>
/// A small registry in Kota Madiun (35.77), saved through the DbContext: two agencies, one employer
/// and five workers whose memberships cover every state a page shows.
/// <list type="bullet">
/// <item>Agency A (Dinas Pendidikan): Siti Rahayu (GTT, active), Budi Santoso (HONORER, never registered).</item>
/// <item>Agency B (RSUD): Agus Prasetyo (KONTRAK, inactive; earlier at the employer), Sri Wahyuni (HARIAN_LEPAS, active), Budi Hartono (OUTSOURCING, never registered).</item>
/// </list>
/// </summary>
public sealed class RegistrySeed
{
    public const string Region = "35.77";
    public const string Village = "35.77.01.1001";
    public const string EmployerNpp = "12345678";

    public Guid AgencyA { get; } = Guid.CreateVersion7();

    public Guid AgencyB { get; } = Guid.CreateVersion7();

    public Guid Employer { get; } = Guid.CreateVersion7();

    public string AgencyACode { get; } = "DISDIK-" + Guid.NewGuid().ToString("N")[..6];

    public string AgencyBCode { get; } = "RSUD-" + Guid.NewGuid().ToString("N")[..6];

    public SeededWorker Siti { get; } = new(Guid.CreateVersion7(), "Siti Rahayu", Nik.Compose("35.77.01", new DateOnly(1990, 5, 12), DomainSex.P, 1));

    public SeededWorker BudiSantoso { get; } = new(Guid.CreateVersion7(), "Budi Santoso", Nik.Compose("35.77.01", new DateOnly(1988, 3, 4), DomainSex.L, 2));

    public SeededWorker Agus { get; } = new(Guid.CreateVersion7(), "Agus Prasetyo", Nik.Compose("35.77.02", new DateOnly(1985, 11, 30), DomainSex.L, 3));

    public SeededWorker Sri { get; } = new(Guid.CreateVersion7(), "Sri Wahyuni", Nik.Compose("35.77.03", new DateOnly(1995, 1, 20), DomainSex.P, 4));

    public SeededWorker BudiHartono { get; } = new(Guid.CreateVersion7(), "Budi Hartono", Nik.Compose("35.77.02", new DateOnly(1979, 7, 7), DomainSex.L, 5));

    public static async Task<RegistrySeed> AddAsync(IServiceProvider services)
    {
        var seed = new RegistrySeed();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var since = new DateOnly(2024, 1, 1);

        db.Agencies.Add(new Agency { Id = seed.AgencyA, Code = seed.AgencyACode, Name = "Dinas Pendidikan", Kind = AgencyKind.Dinas, RegionCode = Region });
        db.Agencies.Add(new Agency { Id = seed.AgencyB, Code = seed.AgencyBCode, Name = "RSUD Kota Madiun", Kind = AgencyKind.Rsud, RegionCode = Region });
        db.Employers.Add(new Employer
        {
            Id = seed.Employer,
            Name = "PT Sinar Madiun",
            Npp = EmployerNpp,
            BusinessSize = BusinessSize.Medium,
            JkkRiskGroup = 2,
            Sector = "Jasa kebersihan",
            RegionCode = Region,
        });

        AddWorker(db, seed.Siti, DateOnlyFromNik(seed.Siti), DomainSex.P);
        AddWorker(db, seed.BudiSantoso, DateOnlyFromNik(seed.BudiSantoso), DomainSex.L);
        AddWorker(db, seed.Agus, DateOnlyFromNik(seed.Agus), DomainSex.L);
        AddWorker(db, seed.Sri, DateOnlyFromNik(seed.Sri), DomainSex.P);
        AddWorker(db, seed.BudiHartono, DateOnlyFromNik(seed.BudiHartono), DomainSex.L);

        db.Employments.AddRange(
            Job(seed.Siti, seed.AgencyA, null, WorkerCategory.Gtt, "Guru SD", 2_500_000, since),
            Job(seed.BudiSantoso, seed.AgencyA, null, WorkerCategory.Honorer, "Staf TU", 1_750_000, since),
            Job(seed.Agus, null, seed.Employer, WorkerCategory.PuSwasta, "Petugas kebersihan", 2_100_000, new DateOnly(2020, 1, 1), since),
            Job(seed.Agus, seed.AgencyB, null, WorkerCategory.Kontrak, "Perawat", 3_250_000, since),
            Job(seed.Sri, seed.AgencyB, null, WorkerCategory.HarianLepas, "Juru masak", 1_234_567, since),
            Job(seed.BudiHartono, seed.AgencyB, null, WorkerCategory.Outsourcing, "Satpam", 2_000_000, since));

        db.Memberships.AddRange(
            Member(seed.Siti, "11111111111", MembershipStatus.Active, 2_500_000),
            Member(seed.Agus, "22222222222", MembershipStatus.Inactive, 3_250_000),
            Member(seed.Sri, "33333333333", MembershipStatus.Active, 1_234_567));

        await db.SaveChangesAsync();
        return seed;
    }

    private static DateOnly DateOnlyFromNik(SeededWorker worker)
    {
        var day = int.Parse(worker.Nik[6..8], System.Globalization.CultureInfo.InvariantCulture) % 40;
        var month = int.Parse(worker.Nik[8..10], System.Globalization.CultureInfo.InvariantCulture);
        var year = 1900 + int.Parse(worker.Nik[10..12], System.Globalization.CultureInfo.InvariantCulture);
        return new DateOnly(year, month, day);
    }

    private static void AddWorker(LindungDbContext db, SeededWorker worker, DateOnly birth, DomainSex sex) =>
        db.Workers.Add(new Worker { Id = worker.Id, Nik = worker.Nik, Name = worker.Name, BirthDate = birth, Sex = sex, RegionCode = Village });

    private static Employment Job(SeededWorker worker, Guid? agency, Guid? employer, WorkerCategory category, string position, long wage, DateOnly from, DateOnly? to = null) =>
        new()
        {
            WorkerId = worker.Id,
            AgencyId = agency,
            EmployerId = employer,
            Category = category,
            Position = position,
            MonthlyWage = wage,
            FundingSource = agency is null ? FundingSource.Private : FundingSource.Apbd,
            ValidFrom = from,
            ValidTo = to,
            RegionCode = Region,
        };

    private static Membership Member(SeededWorker worker, string kpj, MembershipStatus status, long wage) =>
        new()
        {
            Kpj = kpj,
            WorkerId = worker.Id,
            Segment = Segment.Pu,
            Programs = ProgramSet.Jkk | ProgramSet.Jkm,
            EmployerNpp = EmployerNpp,
            Status = status,
            ReportedWage = wage,
            LastPaidMonth = new DateOnly(2026, 1, 1),
            ValidFrom = new DateOnly(2024, 2, 1),
            RegionCode = Region,
        };
}

public sealed record SeededWorker(Guid Id, string Name, string Nik)
{
    public string MaskedNik => Lindung.Domain.Identifiers.Nik.Mask(Nik);
}

/// <summary>A running app with <see cref="RegistrySeed"/> saved, shared by one test class.</summary>
public sealed class RegistryAppFixture : IAsyncLifetime
{
    private LindungTestApp? _app;

    public LindungTestApp App => _app ?? throw new InvalidOperationException("Not started.");

    public RegistrySeed Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = await LindungAppFactory.StartTestServerAsync();
        Seed = await RegistrySeed.AddAsync(_app.Services);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
