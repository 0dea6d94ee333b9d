using System.Net;
using Lindung.Data;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Employers;

public sealed class EmployerPagesTests(RegistryAppFixture fixture) : IClassFixture<RegistryAppFixture>
{
    private RegistrySeed Seed => fixture.Seed;

    [Theory]
    [InlineData("sinar")]
    [InlineData(RegistrySeed.EmployerNpp)]
    public async Task Employers_are_found_by_name_or_NPP(string query)
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.BranchOfficer, null, RegistrySeed.Region);

        var html = await Pages.HtmlAsync(client, "/employers?q=" + query);

        Assert.Contains("1 hasil ditemukan.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/employers/{Seed.Employer}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_number_comes_from_the_query_string()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.BranchOfficer, null, RegistrySeed.Region);

        var second = await Pages.HtmlAsync(client, "/employers?q=sinar&page=2");

        Assert.Contains("1 hasil ditemukan.", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/employers/{Seed.Employer}\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employer_page_shows_identity_and_counts_for_a_branch_officer()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.BranchOfficer, null, RegistrySeed.Region);

        var html = await Pages.HtmlAsync(client, $"/employers/{Seed.Employer}");

        Assert.Contains("<h1>PT Sinar Madiun</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Menengah", html, StringComparison.Ordinal);
        Assert.Contains("II", html, StringComparison.Ordinal);
        Assert.Contains("Kota Madiun", html, StringComparison.Ordinal);
        // No worker is employed there today (Agus left in 2024); three memberships carry its NPP, two active.
        Assert.Contains("Kepesertaan dengan NPP ini</dt><dd>3</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Kepesertaan aktif</dt><dd>2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Pekerja tercatat</dt><dd>0</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Licensing_officer_sees_the_employer_but_no_worker_counts()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.LicensingOfficer);

        var html = await Pages.HtmlAsync(client, $"/employers/{Seed.Employer}");

        Assert.Contains("PT Sinar Madiun", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kepesertaan aktif", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branch_officer_of_another_region_gets_404()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.BranchOfficer, null, "35.19");

        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(client, $"/employers/{Seed.Employer}"));
        Assert.Contains("0 pemberi kerja di wilayah Anda", await Pages.HtmlAsync(client, "/employers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_operator_is_denied()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.AgencyOperator, Seed.AgencyACode);

        await Pages.AssertDeniedAsync(client, "/employers");
        await Pages.AssertDeniedAsync(client, $"/employers/{Seed.Employer}");
    }
}
