using System.Net;
using Lindung.Data;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Agencies;

public sealed class AgencyPagesTests(RegistryAppFixture fixture) : IClassFixture<RegistryAppFixture>
{
    private RegistrySeed Seed => fixture.Seed;

    [Fact]
    public async Task Agency_list_shows_roster_today_covered_count_and_coverage_in_Indonesian_format()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.RegionalAdmin);

        var html = await Pages.HtmlAsync(client, "/agencies");

        Assert.Contains("<title>Instansi/OPD", html, StringComparison.Ordinal);
        var rowA = Row(html, "Dinas Pendidikan");
        Assert.Contains(">2<", rowA, StringComparison.Ordinal);     // Siti and Budi Santoso
        Assert.Contains(">1<", rowA, StringComparison.Ordinal);     // only Siti is covered
        Assert.Contains("50,0%", rowA, StringComparison.Ordinal);
        var rowB = Row(html, "RSUD Kota Madiun");
        Assert.Contains(">3<", rowB, StringComparison.Ordinal);     // Agus, Sri, Budi Hartono
        Assert.Contains("33,3%", rowB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_list_sorts_by_coverage_lowest_first_or_highest_first()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.BranchOfficer, null, RegistrySeed.Region);

        var lowest = await Pages.HtmlAsync(client, "/agencies?sort=coverage");
        var highest = await Pages.HtmlAsync(client, "/agencies?sort=coverage-desc");

        Assert.True(lowest.IndexOf("RSUD Kota Madiun", StringComparison.Ordinal) < lowest.IndexOf("Dinas Pendidikan", StringComparison.Ordinal));
        Assert.True(highest.IndexOf("Dinas Pendidikan", StringComparison.Ordinal) < highest.IndexOf("RSUD Kota Madiun", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agency_page_groups_workers_by_category_with_masked_NIK_wage_and_membership_status()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.RegionalAdmin);

        var html = await Pages.HtmlAsync(client, $"/agencies/{Seed.AgencyB}");

        Assert.Contains("<h1>RSUD Kota Madiun</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Tenaga kontrak", html, StringComparison.Ordinal);
        Assert.Contains("Pekerja harian lepas", html, StringComparison.Ordinal);
        Assert.Contains(Seed.Sri.MaskedNik, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Seed.Sri.Nik, html, StringComparison.Ordinal);
        Assert.Contains("Rp1.234.567", html, StringComparison.Ordinal);
        Assert.Contains("Rp3.250.000", html, StringComparison.Ordinal);
        Assert.Contains(">Aktif<", Row(html, "Sri Wahyuni"), StringComparison.Ordinal);
        Assert.Contains(">Tidak aktif<", Row(html, "Agus Prasetyo"), StringComparison.Ordinal);
        Assert.Contains(">Belum terdaftar<", Row(html, "Budi Hartono"), StringComparison.Ordinal);
        Assert.DoesNotContain("Siti Rahayu", html, StringComparison.Ordinal); // agency A's worker
    }

    [Fact]
    public async Task Agency_page_speaks_English_on_request()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.RegionalAdmin);

        var html = await Pages.HtmlAsync(client, $"/agencies/{Seed.AgencyB}?culture=en-US");

        Assert.Contains(">Not registered<", html, StringComparison.Ordinal);
        Assert.Contains("Contract staff", html, StringComparison.Ordinal);
        Assert.Contains("Rp1,234,567", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_operator_sees_only_their_own_agency_and_gets_404_for_another()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.AgencyOperator, Seed.AgencyACode);

        var list = await Pages.HtmlAsync(client, "/agencies");
        var own = await Pages.HtmlAsync(client, $"/agencies/{Seed.AgencyA}");

        Assert.Contains("Dinas Pendidikan", list, StringComparison.Ordinal);
        Assert.DoesNotContain("RSUD Kota Madiun", list, StringComparison.Ordinal);
        Assert.Contains("Budi Santoso", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(client, $"/agencies/{Seed.AgencyB}"));
        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(client, $"/agencies/{Guid.NewGuid()}"));
    }

    [Theory]
    [InlineData(LindungRoles.LicensingOfficer)]
    [InlineData(LindungRoles.Sponsor)]
    [InlineData(LindungRoles.Auditor)]
    public async Task Roles_outside_the_registry_are_denied(string role)
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, role);

        await Pages.AssertDeniedAsync(client, "/agencies");
        await Pages.AssertDeniedAsync(client, $"/agencies/{Seed.AgencyA}");
    }

    [Fact]
    public async Task Navigation_shows_only_the_links_a_role_may_use()
    {
        using var officer = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.AgencyOperator, Seed.AgencyACode);
        using var licensing = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.LicensingOfficer);
        using var admin = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.RegionalAdmin);

        var officerHome = await Pages.HtmlAsync(officer, "/");
        var licensingHome = await Pages.HtmlAsync(licensing, "/");
        var adminHome = await Pages.HtmlAsync(admin, "/");

        Assert.Contains("href=\"/workers\"", officerHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/employers\"", officerHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/users\"", officerHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/employers\"", licensingHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/agencies\"", licensingHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/users\"", adminHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/targets\"", adminHome, StringComparison.Ordinal);
    }

    /// <summary>The table row (or section) of the page that holds this text.</summary>
    internal static string Row(string html, string text)
    {
        var at = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' not on the page");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[start..end];
    }
}
