using System.Globalization;
using System.Text.RegularExpressions;
using Lindung.Data;
using Lindung.Tests.Features.Reconciliation;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Home;

/// <summary>Each role lands on its next steps; an agency operator on its agency's coverage, the rupiah to close the gap and the two buttons.</summary>
public sealed partial class OperatorLandingTests
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task An_operator_lands_on_its_agencys_coverage_and_the_monthly_cost_of_closing_the_gap(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var operatorClient = await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, world.AgencyA.Code);
        var agencyPage = await Pages.HtmlAsync(operatorClient, $"/agencies/{world.AgencyA.Id}");
        var coverage = CoverageValue().Match(agencyPage);
        Assert.True(coverage.Success, "The agency page shows 'n dari m pekerja'.");
        var covered = int.Parse(coverage.Groups["covered"].Value, NumberStyles.AllowThousands, Indonesian);
        var workers = int.Parse(coverage.Groups["workers"].Value, NumberStyles.AllowThousands, Indonesian);

        var before = await Pages.HtmlAsync(operatorClient, "/");

        Assert.Contains($"<h1>{world.AgencyA.Name}</h1>", before, StringComparison.Ordinal);
        Assert.Contains($"{covered.ToString("N0", Indonesian)} dari {workers.ToString("N0", Indonesian)} pekerja", before, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"uncovered\">{(workers - covered).ToString("N0", Indonesian)}<", before, StringComparison.Ordinal);
        Assert.True(workers - covered > 0);
        Assert.Contains("Belum ada rekonsiliasi", before, StringComparison.Ordinal);
        Assert.Contains("href=\"/imports\" data-testid=\"upload-roster\">Unggah daftar<", before, StringComparison.Ordinal);
        Assert.Contains($"href=\"/reconciliation/gaps/{world.AgencyA.Id}\" data-testid=\"see-uncovered\">Lihat yang belum terlindungi<", before, StringComparison.Ordinal);

        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await ReviewQueueTests.StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        var gaps = await ReviewQueueTests.GetJsonAsync(admin, $"/api/v1/reconciliation/gaps/{world.AgencyA.Id}");
        var monthly = gaps.GetProperty("monthly_contribution_total").GetInt64();
        Assert.True(monthly > 0);

        var after = await Pages.HtmlAsync(operatorClient, "/");

        Assert.Contains($"data-testid=\"monthly\">Rp{monthly.ToString("N0", Indonesian)}<", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Belum ada rekonsiliasi", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_role_is_offered_steps_its_role_may_open_and_none_it_may_not()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync();
        using var leader = await TestUsers.SignedInClientAsync(app, LindungRoles.Leader, null, "35.77");
        using var admin = await TestUsers.SignedInClientAsync(app, LindungRoles.RegionalAdmin, null, "35.77");
        using var sponsor = await TestUsers.SignedInClientAsync(app, LindungRoles.Sponsor, null, "35.77");

        var leaderHome = await Pages.HtmlAsync(leader, "/");
        var adminHome = await Pages.HtmlAsync(admin, "/");
        var sponsorHome = await Pages.HtmlAsync(sponsor, "/");

        Assert.Contains("href=\"/dashboard\">Dasbor cakupan<", leaderHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/branches\">Angka kantor cabang<", leaderHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/imports\">", leaderHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/users\">", leaderHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/imports\">Unggah data<", adminHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/users\">Pengguna<", adminHome, StringComparison.Ordinal);
        // A sponsor looks for villages whose workers wait, and plans what adopting them costs.
        Assert.Contains("href=\"/villages\">", sponsorHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/budget\">", sponsorHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/imports\">", sponsorHome, StringComparison.Ordinal);
        foreach (var step in Lindung.Features.Home.IndexModel.Steps)
        {
            var open = await Pages.StatusAsync(leader, step.Href);
            var offered = leaderHome.Contains($"href=\"{step.Href}\">", StringComparison.Ordinal);
            Assert.True(!offered || open == System.Net.HttpStatusCode.OK, $"{step.Href}: {(int)open}, yet offered");
        }
    }

    [GeneratedRegex(@"(?<covered>[\d.]+) dari (?<workers>[\d.]+) pekerja")]
    private static partial Regex CoverageValue();
}
