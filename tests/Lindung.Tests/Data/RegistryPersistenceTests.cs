using System.Globalization;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Tests.Data;

/// <summary>The persistence tests; each concrete subclass runs all of them on one provider.</summary>
public abstract class RegistryPersistenceTests(RegistryDatabase database)
{
    private const string Region = "35.77";

    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        await using var db = database.NewContext();

        var all = db.Database.GetMigrations().ToList();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Equal(LindungRoles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }

    [Fact]
    public async Task Model_has_no_changes_missing_from_the_migrations()
    {
        await using var db = database.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` for both providers (docs/DATA-MODEL.md).");
    }

    [Fact]
    public async Task Duplicate_NIK_is_rejected()
    {
        var nik = NewNik();
        await SaveAsync(NewWorker(nik));

        await using var db = database.NewContext();
        db.Workers.Add(NewWorker(nik));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_worker_holds_one_open_job_per_agency_however_many_ended_ones()
    {
        var worker = NewWorker();
        var (agency, other) = (NewAgency(), NewAgency());
        await SaveAsync(worker, agency, other,
            NewEmployment(worker, agency, null, new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)),
            NewEmployment(worker, agency, null, new DateOnly(2025, 1, 1)),
            NewEmployment(worker, other, null, new DateOnly(2025, 6, 1)));

        await using var db = database.NewContext();
        db.Employments.Add(NewEmployment(worker, agency, null, new DateOnly(2026, 1, 1)));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Duplicate_NPP_is_rejected_but_many_employers_may_have_none()
    {
        var npp = NewDigits(8);
        await SaveAsync(NewEmployer(npp), NewEmployer(npp: null), NewEmployer(npp: null));

        await using var db = database.NewContext();
        db.Employers.Add(NewEmployer(npp));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    [InlineData(true, true, false)]
    public async Task Employment_needs_exactly_one_of_agency_or_employer(bool withAgency, bool withEmployer, bool accepted)
    {
        var worker = NewWorker();
        var agency = NewAgency();
        var employer = NewEmployer();
        await SaveAsync(worker, agency, employer);

        await using var db = database.NewContext();
        db.Employments.Add(NewEmployment(worker, withAgency ? agency : null, withEmployer ? employer : null, new DateOnly(2026, 1, 1)));
        var save = () => db.SaveChangesAsync();

        if (accepted)
        {
            Assert.Equal(2, await save()); // the employment and its audit event
        }
        else
        {
            await Assert.ThrowsAsync<DbUpdateException>(save);
        }
    }

    [Fact]
    public async Task Every_insert_update_and_delete_writes_an_audit_event_with_actor_and_before_and_after()
    {
        database.Actor.Name = "operator@dinas-kominfo";
        var worker = NewWorker();
        await SaveAsync(worker);

        await using (var db = database.NewContext())
        {
            var stored = await db.Workers.SingleAsync(w => w.Id == worker.Id);
            stored.Name = "Siti Rahayu";
            await db.SaveChangesAsync();
            db.Workers.Remove(stored);
            await db.SaveChangesAsync();
        }

        database.Actor.Name = SystemAuditActor.SystemName;
        await using var check = database.NewContext();
        var events = await check.AuditEvents
            .Where(a => a.EntityType == nameof(Worker) && a.EntityKey == worker.Id.ToString())
            .OrderBy(a => a.Id)
            .ToListAsync();

        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("operator@dinas-kominfo", e.Actor));
        Assert.All(events, e => Assert.Equal(Region, e.RegionCode));
        Assert.All(events, e => Assert.Equal(DateTimeKind.Utc, e.At.Kind));
        Assert.All(events, e => Assert.InRange(e.At, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1)));

        var (create, update, delete) = (events[0], events[1], events[2]);
        Assert.Null(create.Before);
        Assert.Equal(worker.Nik, Column(create.After, "nik"));
        Assert.Equal("BPJS_TK", Column(create.After, "scheme"));
        Assert.Equal("Budi Santoso", Column(update.Before, "name"));
        Assert.Equal("Siti Rahayu", Column(update.After, "name"));
        Assert.Equal("Siti Rahayu", Column(delete.Before, "name"));
        Assert.Null(delete.After);
    }

    [Fact]
    public async Task A_failed_save_retried_audits_each_change_once()
    {
        var taken = NewNik();
        await SaveAsync(NewWorker(taken));
        var worker = NewWorker(taken);

        await using (var db = database.NewContext())
        {
            db.Workers.Add(worker);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            worker.Nik = NewNik();
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        Assert.Equal(1, await check.AuditEvents.CountAsync(a => a.EntityKey == worker.Id.ToString()));
    }

    [Fact]
    public async Task Audit_events_cannot_be_modified_or_deleted()
    {
        var worker = NewWorker();
        await SaveAsync(worker);
        var key = worker.Id.ToString();

        await using (var db = database.NewContext())
        {
            var audit = await db.AuditEvents.SingleAsync(a => a.EntityKey == key);
            audit.Actor = "someone-else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.NewContext())
        {
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(a => a.EntityKey == key));
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        await using var check = database.NewContext();
        var unchanged = await check.AuditEvents.SingleAsync(a => a.EntityKey == key);
        Assert.Equal(SystemAuditActor.SystemName, unchanged.Actor);
    }

    [Fact]
    public async Task Point_in_time_queries_return_the_version_in_force()
    {
        var worker = NewWorker();
        var kpj = NewDigits(11);
        // Covered from January; the branch reports the card inactive from 15 March.
        var active = NewMembership(worker, kpj, MembershipStatus.Active, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 15));
        var inactive = NewMembership(worker, kpj, MembershipStatus.Inactive, new DateOnly(2026, 3, 15), null);
        var agency = NewAgency();
        var job = NewEmployment(worker, agency, null, new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 1));
        await SaveAsync(worker, active, inactive, agency, job);

        await using var db = database.NewContext();
        var mine = db.Memberships.Where(m => m.WorkerId == worker.Id);

        Assert.Empty(await mine.ValidOn(new DateOnly(2025, 12, 31)).ToListAsync());
        Assert.Equal(active.Id, (await mine.ValidOn(new DateOnly(2026, 1, 1)).SingleAsync()).Id);
        Assert.Equal(active.Id, (await mine.ValidOn(new DateOnly(2026, 3, 14)).SingleAsync()).Id);
        Assert.Equal(inactive.Id, (await mine.ValidOn(new DateOnly(2026, 3, 15)).SingleAsync()).Id);
        Assert.Equal(inactive.Id, (await mine.ValidOn(new DateOnly(2030, 1, 1)).SingleAsync()).Id);

        Assert.Equal(active.Id, (await mine.CoveredOn(new DateOnly(2026, 2, 1)).SingleAsync()).Id);
        Assert.Empty(await mine.CoveredOn(new DateOnly(2026, 4, 1)).ToListAsync());
        Assert.Equal(active.Id, (await mine.CoveredIn(2026, 3).SingleAsync()).Id);
        Assert.Empty(await mine.CoveredIn(2026, 4).ToListAsync());

        var jobs = db.Employments.Where(e => e.WorkerId == worker.Id);
        Assert.Single(await jobs.ValidOn(new DateOnly(2026, 6, 30)).ToListAsync());
        Assert.Empty(await jobs.ValidOn(new DateOnly(2026, 7, 1)).ToListAsync());
        Assert.Single(await jobs.ValidDuring(new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 1)).ToListAsync());
    }

    [Fact]
    public async Task Superseding_a_version_closes_it_and_opens_the_next_on_the_same_day()
    {
        var worker = NewWorker();
        var kpj = NewDigits(11);
        var first = NewMembership(worker, kpj, MembershipStatus.Active, new DateOnly(2026, 1, 1), null);
        await SaveAsync(worker, first);
        var change = new DateOnly(2026, 4, 1);

        await using (var db = database.NewContext())
        {
            var current = await db.Memberships.SingleAsync(m => m.Id == first.Id);
            var next = NewMembership(worker, kpj, MembershipStatus.Active, change, null);
            next.ReportedWage = 3_000_000;
            db.Supersede(current, next, change);
            await db.SaveChangesAsync();
            Assert.Throws<InvalidOperationException>(() => db.Supersede(current, NewMembership(worker, kpj, MembershipStatus.Inactive, change, null), change.AddDays(1)));
        }

        await using var check = database.NewContext();
        var versions = await check.Memberships.Where(m => m.Kpj == kpj).OrderBy(m => m.ValidFrom).ToListAsync();
        Assert.Equal([(new DateOnly(2026, 1, 1), (DateOnly?)change), (change, null)], versions.Select(v => (v.ValidFrom, v.ValidTo)));
        Assert.Equal(2_500_000, (await check.Memberships.ValidOn(change.AddDays(-1)).SingleAsync(m => m.Kpj == kpj)).ReportedWage);
        Assert.Equal(3_000_000, (await check.Memberships.ValidOn(change).SingleAsync(m => m.Kpj == kpj)).ReportedWage);
        var keys = versions.Select(v => v.Id.ToString()).ToList();
        var audit = await check.AuditEvents.Where(a => keys.Contains(a.EntityKey)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Create, AuditAction.Update], audit.Order());
    }

    [Fact]
    public async Task A_card_has_at_most_one_open_version()
    {
        var worker = NewWorker();
        var kpj = NewDigits(11);
        await SaveAsync(worker, NewMembership(worker, kpj, MembershipStatus.Active, new DateOnly(2026, 1, 1), null));

        await using var db = database.NewContext();
        db.Memberships.Add(NewMembership(worker, kpj, MembershipStatus.Inactive, new DateOnly(2026, 2, 1), null));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Enums_and_program_sets_are_stored_as_readable_codes()
    {
        var worker = NewWorker();
        var kpj = NewDigits(11);
        var membership = NewMembership(worker, kpj, MembershipStatus.Active, new DateOnly(2026, 1, 1), null);
        await SaveAsync(worker, membership);

        await using var db = database.NewContext();
        var stored = await db.Database
            .SqlQuery<string>($"SELECT programs || '|' || status || '|' || segment AS \"Value\" FROM memberships WHERE kpj = {kpj}")
            .SingleAsync();
        var loaded = await db.Memberships.SingleAsync(m => m.Kpj == kpj);

        Assert.Equal("JKK,JKM,JHT|ACTIVE|BPU", stored);
        Assert.Equal(membership.Programs, loaded.Programs);
    }

    [Fact]
    public async Task Users_keep_their_scope_and_roles()
    {
        var agency = NewAgency();
        await SaveAsync(agency);
        var user = new LindungUser
        {
            UserName = $"op-{Guid.NewGuid():N}",
            DisplayName = "Operator Dinas",
            AgencyId = agency.Id,
            RegionCodes = ["35.77", "35.19"],
            PreferredLanguage = "en",
        };

        await using (var db = database.NewContext())
        {
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = (await db.Roles.SingleAsync(r => r.Name == LindungRoles.AgencyOperator)).Id });
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var loaded = await check.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Equal(["35.77", "35.19"], loaded.RegionCodes);
        Assert.Equal(agency.Id, loaded.AgencyId);
        Assert.Equal("en", loaded.PreferredLanguage);
        Assert.Equal(
            LindungRoles.AgencyOperator,
            await check.UserRoles.Where(ur => ur.UserId == user.Id).Join(check.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync());
    }

    [Fact]
    public async Task NIKs_do_not_reach_the_logs()
    {
        var nik = NewNik();
        await SaveAsync(NewWorker(nik));
        await using (var db = database.NewContext())
        {
            db.Workers.Add(NewWorker(nik));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.NotNull(await db.Workers.SingleOrDefaultAsync(w => w.Nik == nik));
        }

        Assert.Contains(database.Logs, l => l.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(database.Logs, l => l.Contains(nik, StringComparison.Ordinal));
    }

    private async Task SaveAsync(params object[] entities)
    {
        await using var db = database.NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    private static string? Column(string? json, string column) =>
        JsonDocument.Parse(json!).RootElement.GetProperty(column).GetString();

    private static string NewDigits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => Random.Shared.Next(10).ToString(CultureInfo.InvariantCulture)));

    private static string NewNik() => "357701" + NewDigits(10);

    private static Worker NewWorker(string? nik = null) => new()
    {
        Nik = nik ?? NewNik(),
        Name = "Budi Santoso",
        BirthDate = new DateOnly(1990, 5, 17),
        Sex = Sex.L,
        RegionCode = Region,
    };

    private static Agency NewAgency() => new()
    {
        Code = $"DINKES-{NewDigits(6)}",
        Name = "Dinas Kesehatan",
        Kind = AgencyKind.Dinas,
        RegionCode = Region,
    };

    private static Employer NewEmployer(string? npp = "") => new()
    {
        Name = "PT Maju Jaya",
        Npp = npp == "" ? NewDigits(8) : npp,
        BusinessSize = BusinessSize.Small,
        JkkRiskGroup = 2,
        RegionCode = Region,
    };

    private static Employment NewEmployment(Worker worker, Agency? agency, Employer? employer, DateOnly from, DateOnly? to = null) => new()
    {
        WorkerId = worker.Id,
        AgencyId = agency?.Id,
        EmployerId = employer?.Id,
        Category = WorkerCategory.HarianLepas,
        Position = "Petugas kebersihan",
        MonthlyWage = 2_500_000,
        FundingSource = FundingSource.Apbd,
        ValidFrom = from,
        ValidTo = to,
        RegionCode = Region,
    };

    private static Membership NewMembership(Worker worker, string kpj, MembershipStatus status, DateOnly from, DateOnly? to) => new()
    {
        Kpj = kpj,
        WorkerId = worker.Id,
        Segment = Segment.Bpu,
        Programs = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht,
        Status = status,
        ReportedWage = 2_500_000,
        LastPaidMonth = new DateOnly(2026, 2, 1),
        ValidFrom = from,
        ValidTo = to,
        RegionCode = Region,
    };
}

public sealed class SqliteRegistryPersistenceTests(SqliteRegistryDatabase database)
    : RegistryPersistenceTests(database), IClassFixture<SqliteRegistryDatabase>;

public sealed class PostgresRegistryPersistenceTests(PostgresRegistryDatabase database)
    : RegistryPersistenceTests(database), IClassFixture<PostgresRegistryDatabase>;
