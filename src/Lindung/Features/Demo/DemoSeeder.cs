using System.Diagnostics;
using System.Globalization;
using Lindung.Data;
using Lindung.Domain.Areas;
using Lindung.Features.Branches;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Demo;

/// <summary>
/// What seeding did, and the hooks demo sign-ins need: the region, a sample agency for an agency
/// operator and the regions a branch officer covers. When the database already had agencies nothing
/// is written, <see cref="Seeded"/> is false and the counts are zero; the hooks are still filled
/// when the demo agencies exist.
/// </summary>
internal sealed record DemoSeedResult(
    bool Seeded,
    int Agencies,
    int Employers,
    int Workers,
    int Employments,
    int Memberships,
    TimeSpan Elapsed,
    Guid? OperatorAgencyId,
    Guid? SchoolAgencyId)
{
    public const string RegionCode = DemoRegion.RegionCode;

    /// <summary>The regions the Madiun branch serves in the demo: the city and the regency around it.</summary>
    public static IReadOnlyList<string> BranchRegionCodes { get; } = [DemoRegion.RegionCode, DemoPeople.KabupatenMadiun];

    public override string ToString() => Seeded
        ? string.Create(CultureInfo.InvariantCulture,
            $"Demo region Kota Madiun ({RegionCode}) seeded: {Agencies} agencies, {Employers} employers, {Workers} workers, {Employments} employments, {Memberships} memberships in {Elapsed.TotalSeconds:0.0} s.")
        : "Demo region: the database already has agencies; nothing seeded.";
}

/// <summary>
/// Writes the demo region (<see cref="DemoRegion"/>) into an empty registry in one transaction, so it
/// is all there or not at all; every row is audited as <see cref="DemoRegion.Actor"/>.
/// </summary>
internal static class DemoSeeder
{
    /// <summary>The agency a demo agency operator signs in for: a large roster with visible gaps.</summary>
    public const string OperatorAgencyCode = DemoAgencies.Dlh;

    public const string SchoolAgencyCode = "1.01.01.P02";

    // Bounded batches keep the change tracker (and the audit interceptor's scan of it) small; one
    // transaction around them keeps the region all-or-nothing.
    private const int ChunkSize = 1000;

    /// <summary>
    /// Seeds through a context of its own whose audit actor is <see cref="DemoRegion.Actor"/>; the
    /// database must be migrated.
    /// </summary>
    public static async Task<DemoSeedResult> SeedAsync(DatabaseSettings settings, TimeProvider clock, DemoOptions options, CancellationToken ct = default)
    {
        await using var services = new ServiceCollection()
            .AddSingleton<IAuditActor>(new DemoActor())
            .AddSingleton(clock)
            .AddLindungDatabase(settings)
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        return await SeedAsync(db, Today(clock), options, ct);
    }

    public static async Task<DemoSeedResult> SeedAsync(LindungDbContext db, DateOnly today, DemoOptions options, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        if (await db.Agencies.AnyAsync(ct))
        {
            return new DemoSeedResult(false, 0, 0, 0, 0, 0, stopwatch.Elapsed,
                await IdOfAsync(db, OperatorAgencyCode, ct), await IdOfAsync(db, SchoolAgencyCode, ct));
        }

        var region = DemoRegion.Generate(options, today, AreaDirectory.Embedded);
        // The audit interceptor detects changes once per save; detecting on every Add is wasted work.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await SaveAsync(db, [.. region.Agencies, .. region.Employers, region.Extract, .. region.Targets], ct);
                foreach (var chunk in region.Workers.Chunk(ChunkSize))
                {
                    await SaveAsync(db, chunk, ct);
                }

                foreach (var chunk in region.Employments.Chunk(ChunkSize))
                {
                    await SaveAsync(db, chunk, ct);
                }

                foreach (var chunk in region.Memberships.Chunk(ChunkSize))
                {
                    await SaveAsync(db, chunk, ct);
                }

                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        var foreign = await DemoForeignWorkers.SeedAsync(db, today, ct);
        await DemoDashboard.SeedAsync(db, today, ct);
        await DemoLicensing.SeedAsync(db, today, options.LicenceChecks, ct);
        await DemoProcurement.SeedAsync(db, today, ct);
        await DemoVillages.SeedAsync(db, today, ct);
        await DemoSponsors.SeedAsync(db, today, ct);
        await DemoGroups.SeedAsync(db, today, ct);
        await DemoField.SeedAsync(db, today, ct);
        await DemoEnforcement.SeedAsync(db, today, ct);
        await DemoClaims.SeedAsync(db, region.Agencies.Single(a => a.Code == OperatorAgencyCode).Id, today, ct);
        await DemoTickets.SeedAsync(db, region.Agencies.Single(a => a.Code == OperatorAgencyCode).Id, today, ct);
        // The example East Java branches, so the branch breakdown has the Madiun branch to show.
        await BranchFile.LoadAsync(db, BranchFile.Read(BranchFile.BuiltInPath), AccessScope.Operator, ct);

        return new DemoSeedResult(
            true,
            region.Agencies.Count,
            region.Employers.Count,
            region.Workers.Count + foreign.Workers,
            region.Employments.Count + foreign.Employments,
            region.Memberships.Count + foreign.Memberships,
            stopwatch.Elapsed,
            region.Agencies.Single(a => a.Code == OperatorAgencyCode).Id,
            region.Agencies.Single(a => a.Code == SchoolAgencyCode).Id);
    }

    private static async Task SaveAsync(LindungDbContext db, IEnumerable<object> rows, CancellationToken ct)
    {
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Today in Madiun (WIB, UTC+7).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static async Task<Guid?> IdOfAsync(LindungDbContext db, string code, CancellationToken ct) =>
        await db.Agencies.Where(a => a.RegionCode == DemoRegion.RegionCode && a.Code == code).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);

    private sealed class DemoActor : IAuditActor
    {
        public string Name => DemoRegion.Actor;
    }
}
