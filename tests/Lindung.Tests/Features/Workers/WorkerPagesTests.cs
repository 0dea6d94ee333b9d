using System.Net;
using Lindung.Data;
using Lindung.Tests.Features.Agencies;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Workers;

public sealed class WorkerPagesTests(RegistryAppFixture fixture) : IClassFixture<RegistryAppFixture>
{
    private RegistrySeed Seed => fixture.Seed;

    /// <summary>The list masks NIKs, so it shows no birth date either: beside the mask it would rebuild the NIK (docs/PRIVACY.md).</summary>
    [Fact]
    public async Task Search_by_name_ignores_case_and_masks_NIKs()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.RegionalAdmin);

        var html = await Pages.HtmlAsync(client, "/workers?q=bUdI");

        Assert.Contains("2 hasil ditemukan.", html, StringComparison.Ordinal);
        Assert.Contains("Budi Santoso", html, StringComparison.Ordinal);
        Assert.Contains("Budi Hartono", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti Rahayu", html, StringComparison.Ordinal);
        Assert.Contains(Seed.BudiSantoso.MaskedNik, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Seed.BudiSantoso.Nik, html, StringComparison.Ordinal);
        Assert.Contains(">Belum terdaftar<", AgencyPagesTests.Row(html, "Budi Santoso"), StringComparison.Ordinal);
        Assert.DoesNotContain("1988", AgencyPagesTests.Row(html, "Budi Santoso"), StringComparison.Ordinal);   // born 4 Mar 1988
        Assert.DoesNotContain(">Tanggal lahir<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_number_comes_from_the_query_string()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.RegionalAdmin);

        // Two hits fit on page 1; page 2 must be the (empty) second page, not page 1 again.
        var second = await Pages.HtmlAsync(client, "/workers?q=budi&page=2");

        Assert.Contains("2 hasil ditemukan.", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi Santoso", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi Hartono", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("'{0}")]                 // Excel's text marker
    [InlineData("{1} {2} {3} {4}")]      // typed in groups of four
    [InlineData("{0}.0")]                // a number format's trailing .0
    public async Task Search_by_NIK_finds_exactly_that_worker_even_from_damaged_input(string pattern)
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.BranchOfficer, null, RegistrySeed.Region);
        var nik = Seed.Sri.Nik;
        var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, nik, nik[..4], nik[4..8], nik[8..12], nik[12..]);

        var html = await Pages.HtmlAsync(client, "/workers?q=" + Uri.EscapeDataString(query));

        Assert.Contains("1 hasil ditemukan.", html, StringComparison.Ordinal);
        Assert.Contains("Sri Wahyuni", html, StringComparison.Ordinal);
        Assert.Contains(Seed.Sri.MaskedNik, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nik + "<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_operator_finds_only_their_own_staff_by_name_or_NIK()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.AgencyOperator, Seed.AgencyACode);

        var byName = await Pages.HtmlAsync(client, "/workers?q=budi");
        var byNik = await Pages.HtmlAsync(client, "/workers?q=" + Seed.BudiHartono.Nik);

        Assert.Contains("Budi Santoso", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi Hartono", byName, StringComparison.Ordinal);
        Assert.Contains("0 hasil ditemukan.", byNik, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi Hartono", byNik, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_page_shows_identity_region_and_both_histories()
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.RegionalAdmin);

        var html = await Pages.HtmlAsync(client, $"/workers/{Seed.Agus.Id}");

        Assert.Contains("<h1>Agus Prasetyo</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Oro-oro Ombo, Kartoharjo, Kota Madiun", html, StringComparison.Ordinal);
        Assert.Contains("Laki-laki", html, StringComparison.Ordinal);
        Assert.Contains("30 Nov 1985", html, StringComparison.Ordinal);
        Assert.Contains("RSUD Kota Madiun", html, StringComparison.Ordinal);
        Assert.Contains("PT Sinar Madiun", html, StringComparison.Ordinal);   // the earlier, closed employment
        Assert.Contains("Rp2.100.000", html, StringComparison.Ordinal);
        Assert.Contains("22222222222", html, StringComparison.Ordinal);        // KPJ
        Assert.Contains("JKK, JKM", html, StringComparison.Ordinal);
        Assert.Contains(">Tidak aktif<", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Decision: everyone the Registry policy admits administers the worker in some way (regional
    /// admin, branch officer reconciling BPJS extracts by NIK, the worker's own agency), so
    /// <c>PersonalDataPolicy</c> gives all three the full NIK and the worker page shows the full NIK;
    /// lists and agency rosters always mask.
    /// </summary>
    [Theory]
    [InlineData(LindungRoles.RegionalAdmin)]
    [InlineData(LindungRoles.BranchOfficer)]
    [InlineData(LindungRoles.AgencyOperator)]
    public async Task Worker_page_shows_the_full_NIK_to_those_who_administer_the_worker(string role)
    {
        using var client = role switch
        {
            LindungRoles.BranchOfficer => await TestUsers.SignedInClientAsync(fixture.App, role, null, RegistrySeed.Region),
            LindungRoles.AgencyOperator => await TestUsers.SignedInClientAsync(fixture.App, role, Seed.AgencyACode),
            _ => await TestUsers.SignedInClientAsync(fixture.App, role),
        };

        var html = await Pages.HtmlAsync(client, $"/workers/{Seed.Siti.Id}");

        Assert.Contains(Seed.Siti.Nik, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workers_outside_the_scope_are_not_found()
    {
        using var operatorA = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.AgencyOperator, Seed.AgencyACode);
        using var otherBranch = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.BranchOfficer, null, "35.19");

        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(operatorA, $"/workers/{Seed.Sri.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(otherBranch, $"/workers/{Seed.Siti.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(operatorA, $"/workers/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Agency_operator_sees_only_the_history_at_their_own_agency()
    {
        using var operatorB = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.AgencyOperator, Seed.AgencyBCode);

        var html = await Pages.HtmlAsync(operatorB, $"/workers/{Seed.Agus.Id}");

        Assert.Contains("RSUD Kota Madiun", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PT Sinar Madiun", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LindungRoles.LicensingOfficer)]
    [InlineData(LindungRoles.Leader)]
    public async Task Roles_outside_the_registry_are_denied(string role)
    {
        using var client = await TestUsers.SignedInClientAsync(fixture.App, role);

        await Pages.AssertDeniedAsync(client, "/workers?q=budi");
        await Pages.AssertDeniedAsync(client, $"/workers/{Seed.Siti.Id}");
    }
}
