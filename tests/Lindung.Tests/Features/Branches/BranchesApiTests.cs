using System.Net;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Branches;

/// <summary>The branch API in snake_case, scoped to the caller's regions, and the CLI on the same database.</summary>
public sealed class BranchesApiTests
{
    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_branch_officer_gets_its_regions_part_of_the_branch_marked_partial(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var officer = await world.ClientAsync(LindungRoles.BranchOfficer);

        using var list = JsonDocument.Parse(await officer.GetStringAsync(new Uri("/api/v1/branches", UriKind.Relative)));
        var branch = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("EX-IN", branch.GetProperty("code").GetString());
        Assert.Equal(ApiWorld.Region, Assert.Single(branch.GetProperty("regencies").EnumerateArray()).GetString());
        Assert.True(branch.GetProperty("partial").GetBoolean());

        using var coverage = JsonDocument.Parse(await officer.GetStringAsync(new Uri("/api/v1/branches/ex-in/coverage", UriKind.Relative)));
        var root = coverage.RootElement;
        Assert.True(root.GetProperty("partial").GetBoolean());
        Assert.Equal(1, root.GetProperty("regencies_outside_scope").GetInt32());
        var regency = Assert.Single(root.GetProperty("regencies").EnumerateArray());
        Assert.Equal(ApiWorld.Region, regency.GetProperty("region_code").GetString());
        // Two PU members in 35.77 (agencies A and B); 35.19's member is not shown.
        Assert.Equal(2, regency.GetProperty("pu").GetInt32());
        Assert.Equal(2, root.GetProperty("totals").GetProperty("total_active").GetInt32());
        Assert.Equal(0, root.GetProperty("totals").GetProperty("pu_employers").GetInt32());

        using var future = await officer.GetAsync(new Uri("/api/v1/branches/EX-IN/coverage?date=2999-01-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("BRANCH_DATE_IN_FUTURE", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var page = await admin.GetStringAsync(new Uri("/dashboard/branches", UriKind.Relative));
        Assert.Contains("data-testid=\"partial\"", page, StringComparison.Ordinal);
        Assert.Contains("branch-regencies", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task The_command_line_lists_branches_and_reports_a_branch_with_totals_per_regency(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var db = world.DatabaseArgs;

        var list = await CliRun.ExecuteAsync([.. db, "branch", "list"]);
        var report = await CliRun.ExecuteAsync([.. db, "report", "coverage", "--branch", "EX-IN", "--format", "json"]);
        var unknown = await CliRun.ExecuteAsync([.. db, "report", "coverage", "--branch", "NOPE"]);

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("EX-IN\tKantor Cabang Madiun\t35.77\t35.19,35.77", list.OutLines);
        Assert.Equal(0, report.ExitCode);
        using var json = JsonDocument.Parse(report.Out);
        Assert.False(json.RootElement.GetProperty("partial").GetBoolean());
        Assert.Equal(3, json.RootElement.GetProperty("totals").GetProperty("pu").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("regencies").GetArrayLength());
        Assert.Equal(2, unknown.ExitCode);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_regional_admin_moves_a_regency_on_the_admin_page_and_an_overlap_is_refused_by_name(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        Guid open;
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            open = await db.BranchWorkingAreas.Where(w => w.BranchId == world.BranchIn.Id && w.RegionCode == ApiWorld.Region).Select(w => w.Id).SingleAsync();
        }

        using var ended = await PostAsync(admin, $"End&id={open}", new() { ["validTo"] = "2026-01-01" });
        using var overlap = await PostAsync(admin, "Assign", new() { ["Assign.BranchCode"] = "EX-OUT", ["Assign.Regency"] = "3577", ["Assign.ValidFrom"] = "2025-06-01" });
        using var moved = await PostAsync(admin, "Assign", new() { ["Assign.BranchCode"] = "EX-OUT", ["Assign.Regency"] = "35.77", ["Assign.ValidFrom"] = "2026-01-01" });

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overlap.StatusCode);
        Assert.Contains("EX-IN", await overlap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var areas = await db.BranchWorkingAreas.Where(w => w.RegionCode == ApiWorld.Region).OrderBy(w => w.ValidFrom).ToListAsync();
            (Guid, DateOnly?)[] expected = [(world.BranchIn.Id, new DateOnly(2026, 1, 1)), (world.BranchOut.Id, null)];
            Assert.Equal(expected, areas.Select(w => (w.BranchId, w.ValidTo)));
            var audits = await db.AuditEvents.Where(e => e.EntityType == nameof(BranchWorkingArea) && e.Actor != SystemAuditActor.SystemName).ToListAsync();
            Assert.Equal([AuditAction.Create, AuditAction.Update], audits.Select(e => e.Action).Order());
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TestUsers.AntiforgeryTokenAsync(client, "/admin/branches");
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"/admin/branches?handler={handler}", UriKind.Relative), form);
    }
}
