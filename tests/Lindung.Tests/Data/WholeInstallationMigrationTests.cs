using Lindung.Data;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Data;

/// <summary>
/// The migration that makes "every region" explicit keeps older installations working: users who
/// read the whole installation before it (a region-wide role, no region, no agency) get the flag,
/// and nobody else does. Run on both providers from the schema just before it.
/// </summary>
public sealed class WholeInstallationMigrationTests
{
    public static TheoryData<string> Providers => new(nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Existing_unrestricted_admins_keep_the_whole_installation_and_no_one_else_gains_it(string provider)
    {
        using var data = new TempDirectory();
        await using var postgres = provider == nameof(DatabaseProvider.Postgres) ? await PostgresDatabase.CreateAsync() : null;
        await using var services = new ServiceCollection()
            .AddLindungDatabase(DatabaseSettings.Resolve(data.Path, postgres?.ConnectionString, configuration: null))
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ReconciliationJobs");

        var postgresSql = postgres is not null;
        var users = new (string Id, string Role, string[] Regions)[]
        {
            ("admin-all", "regional_admin", []),
            ("admin-city", "regional_admin", ["35.77"]),
            ("leader-all", "leader", []),
            ("branch-none", "branch_officer", []),
            ("sponsor-none", "sponsor", []),
        };
        foreach (var (id, role, regions) in users)
        {
            var list = postgresSql
                ? "ARRAY[" + string.Join(',', regions.Select(r => $"'{r}'")) + "]::text[]"
                : "'[" + string.Join(',', regions.Select(r => $"\"{r}\"")) + "]'";
            var no = postgresSql ? "FALSE" : "0";
#pragma warning disable EF1002, EF1003 // Fixed test literals, no input.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO users (id, region_codes, preferred_language, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) " +
                $"VALUES ('{id}', {list}, 'id', {no}, {no}, {no}, {no}, 0)");
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO user_roles (user_id, role_id) VALUES ('{id}', '{role}')");
#pragma warning restore EF1002, EF1003
        }

        await migrator.MigrateAsync();

        var flagged = await db.Users.Where(u => u.WholeInstallation).Select(u => u.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(["admin-all", "leader-all"], flagged);
    }
}
