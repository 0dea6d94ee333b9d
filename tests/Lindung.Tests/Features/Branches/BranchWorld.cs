using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Lindung.Features.Branches;
using Lindung.Security;
using Lindung.Tests.Data;

namespace Lindung.Tests.Features.Branches;

/// <summary>
/// A migrated registry on SQLite or PostgreSQL with memberships in Kota Madiun (35.77), Kabupaten
/// Madiun (35.19) and Magetan (35.20), and helpers to set up branches; one database per test.
/// </summary>
internal sealed class BranchWorld : IAsyncDisposable
{
    public const string City = "35.77";
    public const string Regency = "35.19";
    public const string Magetan = "35.20";
    public const string EmployerWithRecord = "11111111";
    public const string EmployerWithoutRecord = "22222222";

    public static readonly DateOnly Since = new(2025, 1, 1);
    public static readonly DateOnly Today = new(2026, 12, 1);

    private readonly RegistryDatabase _database;
    private int _serial;

    private BranchWorld(RegistryDatabase database) => _database = database;

    public static TheoryData<string> Providers => new(nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres));

    public static async Task<BranchWorld> StartAsync(string provider)
    {
        RegistryDatabase database = provider == nameof(DatabaseProvider.Postgres) ? new PostgresRegistryDatabase() : new SqliteRegistryDatabase();
        await database.InitializeAsync();
        var world = new BranchWorld(database);
        await world.SeedAsync();
        return world;
    }

    public LindungDbContext NewContext() => _database.NewContext();

    public ManageBranches Manage() => new(NewContext());

    public BranchCoverage Coverage() => new(NewContext());

    /// <summary>Creates a branch with open assignments from <see cref="Since"/>.</summary>
    public async Task BranchAsync(string code, string seat, params string[] regencies)
    {
        var manage = Manage();
        Assert.True((await manage.SaveAsync(new SaveBranchRequest(code, $"Kantor Cabang {code}", seat), AccessScope.Operator, CancellationToken.None)).Succeeded);
        foreach (var regency in regencies)
        {
            var result = await manage.AssignAsync(new AssignWorkingAreaRequest(code, regency, Since), AccessScope.Operator, CancellationToken.None);
            Assert.True(result.Succeeded, result.Succeeded ? null : result.Errors[0].Message(true));
        }
    }

    /// <summary>
    /// 35.77: PU 2 (employer with record, seated in 35.77), BPU 1, PMI 1, JAKON 1, plus an inactive and
    /// an ended membership that never count. 35.19: PU 1 of the same employer, PU 2 of an employer
    /// without record, BPU 2. 35.20: PU 3 of the employer without record, PMI 1.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var db = NewContext();
        db.Add(new Employer { Name = "CV Karya Madiun", Npp = EmployerWithRecord, RegionCode = City });
        Add(db, City, Segment.Pu, EmployerWithRecord);
        Add(db, City, Segment.Pu, EmployerWithRecord);
        Add(db, City, Segment.Bpu);
        Add(db, City, Segment.Pmi);
        Add(db, City, Segment.Jakon);
        Add(db, City, Segment.Bpu, status: MembershipStatus.Inactive);
        Add(db, City, Segment.Bpu, validTo: new DateOnly(2025, 6, 1));
        Add(db, Regency, Segment.Pu, EmployerWithRecord);
        Add(db, Regency, Segment.Pu, EmployerWithoutRecord);
        Add(db, Regency, Segment.Pu, EmployerWithoutRecord);
        Add(db, Regency, Segment.Bpu);
        Add(db, Regency, Segment.Bpu);
        Add(db, Magetan, Segment.Pu, EmployerWithoutRecord);
        Add(db, Magetan, Segment.Pu, EmployerWithoutRecord);
        Add(db, Magetan, Segment.Pu, EmployerWithoutRecord);
        Add(db, Magetan, Segment.Pmi);
        await db.SaveChangesAsync();
    }

    private void Add(LindungDbContext db, string region, Segment segment, string? npp = null, MembershipStatus status = MembershipStatus.Active, DateOnly? validTo = null)
    {
        _serial++;
        var worker = new Worker
        {
            Nik = Lindung.Domain.Identifiers.Nik.Compose(region + ".01", new DateOnly(1990, 1, 1).AddDays(_serial), Sex.L, _serial),
            Name = $"Pekerja {_serial}",
            Sex = Sex.L,
            RegionCode = region,
        };
        db.Add(worker);
        db.Add(new Membership
        {
            Kpj = $"9{_serial:D10}",
            WorkerId = worker.Id,
            Segment = segment,
            Programs = ProgramSet.Jkk | ProgramSet.Jkm,
            Status = status,
            EmployerNpp = npp,
            ValidFrom = Since,
            ValidTo = validTo,
            RegionCode = region,
        });
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();
}
