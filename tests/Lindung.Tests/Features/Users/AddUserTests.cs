using System.Globalization;
using System.Net;
using System.Text;
using Lindung.Data;
using Lindung.Features.Users;
using Lindung.Security;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lindung.Data.LindungRoles;

namespace Lindung.Tests.Features.Users;

/// <summary>
/// Who may create which user, on SQLite and PostgreSQL, against the table below: a grantor creates
/// only users inside its own regions, with a role no stronger than its own, and only a
/// whole-installation grantor grants the whole installation. The users page shows each admin
/// exactly the users it could have created.
/// </summary>
public sealed class AddUserTests
{
    public static TheoryData<string> Providers => ApiWorld.Providers;

    private static readonly AccessScope Whole = new(new HashSet<string> { RegionalAdmin }, [], null, "whole@test", WholeInstallation: true);
    private static readonly AccessScope City = new(new HashSet<string> { RegionalAdmin }, [ApiWorld.Region], null, "city@test");
    private static readonly AccessScope NoRegion = new(new HashSet<string> { RegionalAdmin }, [], null, "none@test");
    private static readonly AccessScope Branch = new(new HashSet<string> { BranchOfficer }, [ApiWorld.Region], null, "branch@test");

    /// <summary>The columns of <see cref="Expected"/>, in order.</summary>
    private static readonly (string Name, AccessScope Scope)[] Grantors =
        [("whole-installation admin", Whole), ("admin of 35.77", City), ("admin without region", NoRegion), ("branch officer of 35.77", Branch)];

    // Each cell: OK, or the refusal's codes joined by '+'. Agency A is in 35.77, agency C in 35.19.
    //                                                     whole  35.77 admin            admin, no region        branch officer
    private static readonly (string Request, string Cells)[] Expected =
    [
        ("BranchOfficer 35.77", "OK OK REGION_OUT_OF_SCOPE OK"),
        ("BranchOfficer 35.19", "OK REGION_OUT_OF_SCOPE REGION_OUT_OF_SCOPE REGION_OUT_OF_SCOPE"),
        ("BranchOfficer 35.77+35.19", "OK REGION_OUT_OF_SCOPE REGION_OUT_OF_SCOPE REGION_OUT_OF_SCOPE"),
        ("RegionalAdmin 35.77", "OK OK REGION_OUT_OF_SCOPE ROLE_TOO_STRONG"),
        ("RegionalAdmin -", "OK SCOPE_REQUIRED SCOPE_REQUIRED ROLE_TOO_STRONG+SCOPE_REQUIRED"),
        ("RegionalAdmin whole", "OK WHOLE_INSTALLATION_NOT_ALLOWED WHOLE_INSTALLATION_NOT_ALLOWED ROLE_TOO_STRONG+WHOLE_INSTALLATION_NOT_ALLOWED"),
        ("Leader whole", "OK WHOLE_INSTALLATION_NOT_ALLOWED WHOLE_INSTALLATION_NOT_ALLOWED ROLE_TOO_STRONG+WHOLE_INSTALLATION_NOT_ALLOWED"),
        ("Leader 35.77", "OK OK REGION_OUT_OF_SCOPE ROLE_TOO_STRONG"),
        ("AgencyOperator A", "OK OK AGENCY_UNKNOWN ROLE_TOO_STRONG"),
        ("AgencyOperator C", "OK AGENCY_UNKNOWN AGENCY_UNKNOWN ROLE_TOO_STRONG+AGENCY_UNKNOWN"),
        ("Sponsor -", "OK SCOPE_REQUIRED SCOPE_REQUIRED ROLE_TOO_STRONG+SCOPE_REQUIRED"),
    ];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_grantor_creates_exactly_the_users_the_table_says(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var failures = new StringBuilder();
        foreach (var (request, cells) in Expected)
        {
            var expected = cells.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Grantors.Length, expected.Length);
            for (var i = 0; i < Grantors.Length; i++)
            {
                var email = $"u-{Guid.NewGuid():N}@test.lindung.id";
                await using var scope = world.App.Services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<AddUser>()
                    .HandleAsync(Parse(world, email, request), Grantors[i].Scope, CancellationToken.None);
                var actual = result.Succeeded ? "OK" : string.Join('+', result.Errors.Select(e => e.Code));
                if (actual != expected[i])
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{request} by {Grantors[i].Name}: expected {expected[i]}, got {actual}");
                }

                var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                var saved = await db.Users.AnyAsync(u => u.Email == email);
                if (saved != result.Succeeded)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{request} by {Grantors[i].Name}: saved={saved} but succeeded={result.Succeeded}");
                }
            }
        }

        Assert.True(failures.Length == 0, $"{provider}:\n{failures}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_created_user_has_its_role_scope_and_audit_event(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await using var scope = world.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(
            new AddUserRequest("  pimpinan@madiunkota.go.id ", "leader", "Wali Kota", WholeInstallation: true), Whole, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(20, result.Value.GeneratedPassword!.Length);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Lindung.Data.Entities.LindungUser>>();
        var user = await users.FindByEmailAsync("pimpinan@madiunkota.go.id");
        Assert.NotNull(user);
        Assert.True(user.WholeInstallation);
        Assert.True(await users.IsInRoleAsync(user, Leader));
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var audit = await db.AuditEvents.SingleAsync(e => e.EntityType == "LindungUser" && e.EntityKey == user.Id);
        Assert.Contains("\"whole_installation\":true", audit.After, StringComparison.Ordinal);
        Assert.Equal(AddUser.InstallationWide, audit.RegionCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task User_and_role_commit_together_or_not_at_all(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        // With its role row gone, the role assignment fails after the user row was written.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM roles WHERE id = 'sponsor'");

        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(
            new AddUserRequest("csr@pt-contoh.co.id", Sponsor, Regions: [ApiWorld.Region]), Whole, CancellationToken.None));

        await using var check = world.App.Services.CreateAsyncScope();
        var fresh = check.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.False(await fresh.Users.AnyAsync(u => u.Email == "csr@pt-contoh.co.id"));
        Assert.False(await fresh.AuditEvents.AnyAsync(e => e.EntityType == "LindungUser"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_users_page_lists_only_users_inside_the_admins_regions(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var services = world.App.Services;
        var inside = new[]
        {
            await TestUsers.CreateAsync(services, new AddUserRequest($"in-branch-{Guid.NewGuid():N}@t.id", BranchOfficer, Regions: ["35.77.01"])),
            await TestUsers.CreateAsync(services, new AddUserRequest($"in-operator-{Guid.NewGuid():N}@t.id", AgencyOperator, AgencyId: world.AgencyA.Id)),
        };
        var outside = new[]
        {
            await TestUsers.CreateAsync(services, new AddUserRequest($"out-branch-{Guid.NewGuid():N}@t.id", BranchOfficer, Regions: [ApiWorld.OtherRegion])),
            await TestUsers.CreateAsync(services, new AddUserRequest($"out-both-{Guid.NewGuid():N}@t.id", BranchOfficer, Regions: [ApiWorld.Region, ApiWorld.OtherRegion])),
            await TestUsers.CreateAsync(services, new AddUserRequest($"out-operator-{Guid.NewGuid():N}@t.id", AgencyOperator, AgencyId: world.AgencyC.Id)),
            await TestUsers.CreateAsync(services, new AddUserRequest($"out-whole-{Guid.NewGuid():N}@t.id", RegionalAdmin, WholeInstallation: true)),
            await TestUsers.CreateAsync(services, new AddUserRequest($"out-none-{Guid.NewGuid():N}@t.id", RegionalAdmin)),
        };
        using var city = await TestUsers.SignedInClientAsync(world.App, RegionalAdmin, null, ApiWorld.Region);
        using var whole = await TestUsers.SignedInClientAsync(world.App, RegionalAdmin);

        var cityPage = await Pages.HtmlAsync(city, "/admin/users");
        var wholePage = await Pages.HtmlAsync(whole, "/admin/users");

        Assert.All(inside, email => Assert.Contains(email, cityPage, StringComparison.Ordinal));
        Assert.All(outside, email => Assert.DoesNotContain(email, cityPage, StringComparison.Ordinal));
        Assert.All(inside.Concat(outside), email => Assert.Contains(email, wholePage, StringComparison.Ordinal));
        Assert.DoesNotContain("Input.WholeInstallation", cityPage, StringComparison.Ordinal);
        Assert.Contains("Input.WholeInstallation", wholePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_scoped_admin_on_the_page_cannot_create_an_admin_without_region_or_for_the_whole_installation(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var city = await TestUsers.SignedInClientAsync(world.App, RegionalAdmin, null, ApiWorld.Region);

        using var noRegion = await Pages.PostFormAsync(city, "/admin/users", new Dictionary<string, string>
        {
            ["Input.Email"] = "naik-1@madiunkota.go.id",
            ["Input.Role"] = RegionalAdmin,
            ["Input.Regions"] = "",
        });
        using var wholeInstallation = await Pages.PostFormAsync(city, "/admin/users?culture=en-US", new Dictionary<string, string>
        {
            ["Input.Email"] = "naik-2@madiunkota.go.id",
            ["Input.Role"] = RegionalAdmin,
            ["Input.WholeInstallation"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, noRegion.StatusCode);
        Assert.Contains(UserErrors.ScopeRequired.Message(english: false), await noRegion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var english = await wholeInstallation.Content.ReadAsStringAsync();
        Assert.Contains(UserErrors.WholeInstallationNotAllowed.Message(english: true), english, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"secret\"", english, StringComparison.Ordinal);
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email!.StartsWith("naik-")));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_whole_installation_admin_on_the_page_grants_the_whole_installation(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var whole = await TestUsers.SignedInClientAsync(world.App, RegionalAdmin);

        using var response = await Pages.PostFormAsync(whole, "/admin/users", new Dictionary<string, string>
        {
            ["Input.Email"] = "provinsi@jatimprov.go.id",
            ["Input.Role"] = Leader,
            ["Input.WholeInstallation"] = "true",
        });

        Assert.Contains("class=\"secret\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.True(await db.Users.Where(u => u.Email == "provinsi@jatimprov.go.id").Select(u => u.WholeInstallation).SingleAsync());
    }

    /// <summary>"Role scope": scope is a region list joined by '+', "A"/"C" for an agency, "whole", or "-" for none.</summary>
    private static AddUserRequest Parse(ApiWorld world, string email, string text)
    {
        var parts = text.Split(' ');
        var (role, scope) = (parts[0], parts[1]);
        return scope switch
        {
            "-" => new AddUserRequest(email, role),
            "whole" => new AddUserRequest(email, role, WholeInstallation: true),
            "A" => new AddUserRequest(email, role, AgencyId: world.AgencyA.Id),
            "C" => new AddUserRequest(email, role, AgencyId: world.AgencyC.Id),
            _ => new AddUserRequest(email, role, Regions: scope.Split('+')),
        };
    }
}
