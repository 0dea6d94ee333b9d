using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Rosters;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using DomainSex = Lindung.Domain.Identifiers.Sex;

namespace Lindung.Tests.Features.Reconciliation;

/// <summary>
/// A running app (SQLite or PostgreSQL) whose registry holds every case reconciliation must tell
/// apart, in Kota Madiun (35.77), district Kartoharjo (35.77.01):
/// <list type="bullet">
/// <item>Agency A: Siti (exact NIK, active, wage under-reported), Dewi (NIK one digit off the member's,
/// program missing), Yusuf (placeholder NIK; member "Muhammad Yusuf" found by name and birth date),
/// Eko (placeholder NIK; twin members "Eko Prasetyo" with one birth date → review), Budi (no membership),
/// Agus (exact NIK, inactive).</item>
/// <item>Agency B: Rina (placeholder NIK; twin members "Rina Wati" → review).</item>
/// </list>
/// Member-side workers (the card holders as BPJS recorded them) are separate worker rows without any
/// employment, as an extract import creates them.
/// </summary>
internal sealed class ReconcileWorld : IAsyncDisposable
{
    public const string Region = "35.77";
    public const string District = "35.77.01";
    public const string Village = "35.77.01.1001";

    private readonly PostgresDatabase? _postgres;

    private ReconcileWorld(LindungTestApp app, PostgresDatabase? postgres)
    {
        App = app;
        _postgres = postgres;
    }

    public LindungTestApp App { get; }

    public Agency AgencyA { get; } = new() { Code = "DISDIK", Name = "Dinas Pendidikan", Kind = AgencyKind.Dinas, RegionCode = Region };

    public Agency AgencyB { get; } = new() { Code = "RSUD", Name = "RSUD Kota Madiun", Kind = AgencyKind.Rsud, RegionCode = Region };

    public Worker Siti { get; } = Person("Siti Rahayu", new(1990, 5, 12), DomainSex.P, 1);

    public Worker Dewi { get; } = Person("Dewi Lestari", new(1987, 2, 9), DomainSex.P, 7);

    public Worker DewiCard { get; } = Person("Dewi Lestari", new(1987, 2, 9), DomainSex.P, 8);

    public Worker Yusuf { get; } = Placeholder("H. Mochammad Yusuf, S.Pd.", new(1980, 1, 1), DomainSex.L);

    public Worker YusufCard { get; } = Person("Muhammad Yusuf", new(1980, 1, 1), DomainSex.L, 1234);

    public Worker Eko { get; } = Placeholder("Eko Prasetyo", new(1995, 7, 20), DomainSex.L);

    public Worker EkoTwin1 { get; } = Person("Eko Prasetyo", new(1995, 7, 20), DomainSex.L, 11);

    public Worker EkoTwin2 { get; } = Person("Eko Prasetyo", new(1995, 7, 20), DomainSex.L, 12);

    public Worker Budi { get; } = Person("Budi Hartono", new(1979, 7, 7), DomainSex.L, 5);

    public Worker Agus { get; } = Person("Agus Prasetyo", new(1985, 11, 30), DomainSex.L, 6);

    public Worker Rina { get; } = Placeholder("Rina Wati", new(1993, 3, 3), DomainSex.P);

    public Worker RinaTwin1 { get; } = Person("Rina Wati", new(1993, 3, 3), DomainSex.P, 21);

    public Worker RinaTwin2 { get; } = Person("Rina Wati", new(1993, 3, 3), DomainSex.P, 22);

    public const string SitiKpj = "10000000001";
    public const string DewiKpj = "10000000002";
    public const string YusufKpj = "10000000003";
    public const string EkoKpj1 = "10000000004";
    public const string EkoKpj2 = "10000000005";
    public const string AgusKpj = "10000000006";
    public const string RinaKpj1 = "10000000007";
    public const string RinaKpj2 = "10000000008";

    /// <summary>Roster wages (employment) and reported wages (membership) of the gap cases.</summary>
    public const long SitiWage = 2_500_000;
    public const long SitiReported = 2_000_000;
    public const long DewiWage = 3_000_000;
    public const long BudiWage = 1_750_000;
    public const long AgusWage = 3_250_000;

    public static TheoryData<string> Providers => new(nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres));

    public static async Task<ReconcileWorld> StartAsync(string provider, bool kestrel = false, Action<WebApplicationBuilder>? configure = null)
    {
        var postgres = provider == nameof(DatabaseProvider.Postgres) ? await PostgresDatabase.CreateAsync() : null;
        var app = kestrel
            ? await LindungAppFactory.StartKestrelAsync(configure)
            : await LindungAppFactory.StartTestServerAsync(configure, db: postgres?.ConnectionString);
        var world = new ReconcileWorld(app, postgres);
        await world.SeedAsync();
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    /// <summary>A new scope's database context; dispose the scope with the returned handle.</summary>
    public (AsyncServiceScope Scope, LindungDbContext Db) Database()
    {
        var scope = App.Services.CreateAsyncScope();
        return (scope, scope.ServiceProvider.GetRequiredService<LindungDbContext>());
    }

    private async Task SeedAsync()
    {
        var (scope, db) = Database();
        await using var _ = scope;
        db.AddRange(AgencyA, AgencyB);
        db.AddRange(Siti, Dewi, DewiCard, Yusuf, YusufCard, Eko, EkoTwin1, EkoTwin2, Budi, Agus, Rina, RinaTwin1, RinaTwin2);
        db.AddRange(
            Job(Siti, AgencyA, SitiWage),
            Job(Dewi, AgencyA, DewiWage),
            Job(Yusuf, AgencyA, 1_500_000),
            Job(Eko, AgencyA, 2_000_000),
            Job(Budi, AgencyA, BudiWage),
            Job(Agus, AgencyA, AgusWage),
            Job(Rina, AgencyB, 2_200_000));
        db.AddRange(
            Card(Siti, SitiKpj, MembershipStatus.Active, ProgramSet.Jkk | ProgramSet.Jkm, SitiReported),
            Card(DewiCard, DewiKpj, MembershipStatus.Active, ProgramSet.Jkk, DewiWage),
            Card(YusufCard, YusufKpj, MembershipStatus.Active, ProgramSet.Jkk | ProgramSet.Jkm, 1_500_000),
            Card(EkoTwin1, EkoKpj1, MembershipStatus.Active, ProgramSet.Jkk | ProgramSet.Jkm, 2_000_000),
            Card(EkoTwin2, EkoKpj2, MembershipStatus.Active, ProgramSet.Jkk | ProgramSet.Jkm, 2_000_000),
            Card(Agus, AgusKpj, MembershipStatus.Inactive, ProgramSet.Jkk | ProgramSet.Jkm, AgusWage),
            Card(RinaTwin1, RinaKpj1, MembershipStatus.Active, ProgramSet.Jkk | ProgramSet.Jkm, 2_200_000),
            Card(RinaTwin2, RinaKpj2, MembershipStatus.Active, ProgramSet.Jkk | ProgramSet.Jkm, 2_200_000));
        await db.SaveChangesAsync();
    }

    private static Worker Person(string name, DateOnly birth, DomainSex sex, int serial) => new()
    {
        Nik = Lindung.Domain.Identifiers.Nik.Compose(District, birth, sex, serial),
        Name = name,
        BirthDate = birth,
        Sex = sex,
        RegionCode = Village,
    };

    /// <summary>A NIK with serial 0000: what an agency types when it does not know the real one (unusable for matching).</summary>
    private static Worker Placeholder(string name, DateOnly birth, DomainSex sex) => new()
    {
        Nik = Lindung.Domain.Identifiers.Nik.Compose(District, birth, sex, 1)[..12] + "0000",
        Name = name,
        BirthDate = birth,
        Sex = sex,
        RegionCode = Village,
    };

    private static Employment Job(Worker worker, Agency agency, long wage) => new()
    {
        WorkerId = worker.Id,
        AgencyId = agency.Id,
        Category = WorkerCategory.Honorer,
        MonthlyWage = wage,
        FundingSource = FundingSource.Apbd,
        ValidFrom = new DateOnly(2024, 1, 1),
        RegionCode = Region,
    };

    private static Membership Card(Worker holder, string kpj, MembershipStatus status, ProgramSet programs, long wage) => new()
    {
        Kpj = kpj,
        WorkerId = holder.Id,
        Segment = Segment.Pu,
        Programs = programs,
        Status = status,
        ReportedWage = wage,
        ValidFrom = new DateOnly(2024, 2, 1),
        RegionCode = Region,
    };
}
