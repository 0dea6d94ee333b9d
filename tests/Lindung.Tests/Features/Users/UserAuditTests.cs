using Lindung.Data;
using Lindung.Tests.Cli;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Users;

public sealed class UserAuditTests
{
    [Fact]
    public async Task Creating_a_user_writes_an_audit_event_without_secrets()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        var email = await TestUsers.CreateAsync(app.Services, LindungRoles.BranchOfficer, null, "35.77");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();

        var user = await db.Users.SingleAsync(u => u.Email == email);
        var audit = await db.AuditEvents.SingleAsync(e => e.EntityType == "LindungUser" && e.EntityKey == user.Id);

        Assert.Equal("CREATE", EnumCodes<Lindung.Data.Entities.AuditAction>.ToCode(audit.Action));
        Assert.Equal("35.77", audit.RegionCode);
        Assert.Contains(email, audit.After, StringComparison.Ordinal);
        Assert.Contains(LindungRoles.BranchOfficer, audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain(user.PasswordHash!, audit.After, StringComparison.Ordinal);
        // The one password-related field is the must-change flag; no password or hash is written.
        Assert.DoesNotContain("\"password\"", audit.After, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("password_hash", audit.After, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passwordhash", audit.After, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_cli_records_an_installation_wide_admin_as_created_by_system()
    {
        using var data = new TempDirectory();
        var run = await CliRun.ExecuteAsync("user", "add", "--data", data.Path, "--email", "admin@pemkot.go.id", "--role", "RegionalAdmin", "--whole-installation");
        Assert.Equal(0, run.ExitCode);

        var check = await CliRun.ExecuteAsync("user", "add", "--data", data.Path, "--email", "admin@pemkot.go.id", "--role", "RegionalAdmin");
        Assert.Equal(2, check.ExitCode); // same email: refused, nothing half-written

        await using var app = LindungWebApp(data.Path);
        await app.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var audits = await db.AuditEvents.Where(e => e.EntityType == "LindungUser").ToListAsync();
        var audit = Assert.Single(audits);
        Assert.Equal("system", audit.Actor);
        Assert.Equal("00.00", audit.RegionCode);
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.True(await db.Users.Select(u => u.WholeInstallation).SingleAsync());
        await app.StopAsync();
    }

    [Fact]
    public async Task The_cli_creates_an_admin_without_region_as_seeing_nothing_and_refuses_flag_with_a_region()
    {
        using var data = new TempDirectory();
        var plain = await CliRun.ExecuteAsync("user", "add", "--data", data.Path, "--email", "admin@pemkot.go.id", "--role", "RegionalAdmin");
        var both = await CliRun.ExecuteAsync(
            "user", "add", "--data", data.Path, "--email", "admin2@pemkot.go.id", "--role", "RegionalAdmin", "--region", "35.77", "--whole-installation");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("WHOLE_INSTALLATION_WITH_SCOPE", both.Error, StringComparison.Ordinal);
        await using var app = LindungWebApp(data.Path);
        await app.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var user = await db.Users.SingleAsync();
        Assert.False(user.WholeInstallation);
        Assert.Empty(user.RegionCodes);
        await app.StopAsync();
    }

    private static Microsoft.AspNetCore.Builder.WebApplication LindungWebApp(string dataDirectory) =>
        Lindung.Hosting.LindungWebApp.Build(
            new Lindung.Hosting.LindungHostOptions(dataDirectory, "http://127.0.0.1:0", Demo: false),
            [],
            builder => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(builder.WebHost));
}
