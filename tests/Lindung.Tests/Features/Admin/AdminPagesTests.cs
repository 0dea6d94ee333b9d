using System.Net;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Admin;

public sealed class AdminPagesTests(RegistryAppFixture fixture) : IClassFixture<RegistryAppFixture>
{
    private RegistrySeed Seed => fixture.Seed;

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/agencies")]
    [InlineData("/admin/targets")]
    public async Task Admin_pages_render_for_a_regional_admin_and_deny_others(string path)
    {
        using var admin = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.RegionalAdmin);
        using var branch = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.BranchOfficer, null, RegistrySeed.Region);
        using var agencyOperator = await TestUsers.SignedInClientAsync(fixture.App, LindungRoles.AgencyOperator, Seed.AgencyACode);

        await Pages.HtmlAsync(admin, path);
        await Pages.AssertDeniedAsync(branch, path);
        await Pages.AssertDeniedAsync(agencyOperator, path);
    }

    [Fact]
    public async Task Creating_an_agency_saves_it_and_audits_the_admin_as_actor()
    {
        var (client, email) = await AdminAsync();
        using var _ = client;
        var code = "BPBD-" + Guid.NewGuid().ToString("N")[..6];

        using var response = await Pages.PostFormAsync(client, "/admin/agencies", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Badan Penanggulangan Bencana Daerah",
            ["Input.Kind"] = "BADAN",
            ["Input.ParentId"] = "",
            ["Input.RegionCode"] = "3577",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Code == code);
        Assert.Equal(AgencyKind.Badan, agency.Kind);
        Assert.Equal("35.77", agency.RegionCode);
        var audit = await db.AuditEvents.SingleAsync(e => e.EntityType == nameof(Agency) && e.EntityKey == agency.Id.ToString());
        Assert.Equal(email, audit.Actor);
        Assert.Equal(AuditAction.Create, audit.Action);
    }

    [Fact]
    public async Task Editing_an_agency_audits_the_update()
    {
        var (client, email) = await AdminAsync();
        using var _ = client;
        var id = await AddAgencyAsync("Kantor Kesbangpol");

        using var response = await Pages.PostFormAsync(client, $"/admin/agencies/{id}", new Dictionary<string, string>
        {
            ["Input.Code"] = "KESBANG-" + id.ToString("N")[..4],
            ["Input.Name"] = "Badan Kesatuan Bangsa dan Politik",
            ["Input.Kind"] = "BADAN",
            ["Input.ParentId"] = Seed.AgencyA.ToString(),
            ["Input.RegionCode"] = "35.77",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Id == id);
        Assert.Equal("Badan Kesatuan Bangsa dan Politik", agency.Name);
        Assert.Equal(Seed.AgencyA, agency.ParentAgencyId);
        var update = await db.AuditEvents.SingleAsync(e => e.EntityKey == id.ToString() && e.Action == AuditAction.Update);
        Assert.Equal(email, update.Actor);
    }

    [Fact]
    public async Task A_madrasah_hangs_under_its_ministrys_office_and_governments_never_mix()
    {
        var (client, _) = await AdminAsync();
        using var _ = client;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var auditsBefore = await CountAuditsAsync();

        // A vertical office must name its central institution; nothing is written when it does not.
        using (var refused = await PostAgencyAsync(client, "KEMENAG-" + suffix, "Kantor Kemenag", "VERTIKAL", null, institution: ""))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("wajib menyebut instansi pusatnya", html, StringComparison.Ordinal);
        }

        Assert.Equal(auditsBefore, await CountAuditsAsync());
        using (var saved = await PostAgencyAsync(client, "KEMENAG-" + suffix, "Kantor Kementerian Agama", "VERTIKAL", null, "Kementerian Agama"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Guid office;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var row = await db.Agencies.SingleAsync(a => a.Code == "KEMENAG-" + suffix);
            Assert.Equal((AgencyKind.Vertikal, "Kementerian Agama"), (row.Kind, row.Institution));
            office = row.Id;
        }

        // A madrasah under a Pemda agency, and a Pemda agency naming a ministry, are both refused by name.
        using (var wrongParent = await PostAgencyAsync(client, "MAN-" + suffix, "MAN 1", "MADRASAH", Seed.AgencyA, "Kementerian Agama"))
        {
            Assert.Contains("pemerintahan yang sama", await wrongParent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var pemdaWithMinistry = await PostAgencyAsync(client, "SD-" + suffix, "SD Negeri", "SEKOLAH", Seed.AgencyA, "Kementerian Agama"))
        {
            Assert.Contains("perangkat daerah tidak memilikinya", await pemdaWithMinistry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var madrasah = await PostAgencyAsync(client, "MAN-" + suffix, "MAN 1", "MADRASAH", office, "Kementerian Agama"))
        {
            Assert.Equal(HttpStatusCode.Redirect, madrasah.StatusCode);
        }

        // The agency list keeps the Pemda's figures apart from the ministry's and filters by either.
        var list = await Pages.HtmlAsync(client, "/agencies?owner=vertikal");
        Assert.Contains("data-testid=\"owner-split\"", list, StringComparison.Ordinal);
        Assert.Contains("MAN 1", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Dinas Pendidikan", list, StringComparison.Ordinal);
        Assert.DoesNotContain("MAN 1", await Pages.HtmlAsync(client, "/agencies?owner=pemda"), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAgencyAsync(HttpClient client, string code, string name, string kind, Guid? parent, string? institution) =>
        Pages.PostFormAsync(client, "/admin/agencies", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = name,
            ["Input.Kind"] = kind,
            ["Input.ParentId"] = parent?.ToString() ?? "",
            ["Input.RegionCode"] = RegistrySeed.Region,
            ["Input.Institution"] = institution ?? "",
        });

    [Theory]
    [InlineData("99.99", "Kode wilayah tidak dikenal")]
    [InlineData("35", "Kode wilayah tidak dikenal")]              // a province is too wide
    [InlineData("bukan kode", "Kode wilayah tidak dikenal")]
    public async Task An_invalid_region_code_shows_an_error_and_writes_nothing(string region, string message)
    {
        var (client, _) = await AdminAsync();
        using var __ = client;
        var code = "X-" + Guid.NewGuid().ToString("N")[..6];
        var auditsBefore = await CountAuditsAsync();

        using var response = await Pages.PostFormAsync(client, "/admin/agencies", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Dinas Contoh",
            ["Input.Kind"] = "DINAS",
            ["Input.RegionCode"] = region,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("value=\"Dinas Contoh\"", html, StringComparison.Ordinal); // the form keeps what was typed
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.False(await db.Agencies.AnyAsync(a => a.Code == code));
        Assert.Equal(auditsBefore, await CountAuditsAsync());
    }

    [Fact]
    public async Task Validation_messages_follow_the_users_language()
    {
        var (client, _) = await AdminAsync();
        using var _ = client;

        using var response = await Pages.PostFormAsync(client, "/admin/agencies?culture=en-US", new Dictionary<string, string>
        {
            ["Input.Code"] = "",
            ["Input.Name"] = "",
            ["Input.Kind"] = "DINAS",
            ["Input.RegionCode"] = "99.99",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter a code", html, StringComparison.Ordinal);
        Assert.Contains("Unknown region code", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_user_shows_a_one_time_password_that_signs_in()
    {
        var (client, _) = await AdminAsync();
        using var _ = client;
        var email = $"operator-{Guid.NewGuid():N}@madiunkota.go.id";

        using var response = await Pages.PostFormAsync(client, "/admin/users", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Operator Disdik",
            ["Input.Role"] = LindungRoles.AgencyOperator,
            ["Input.AgencyId"] = Seed.AgencyA.ToString(),
            ["Input.Regions"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(html, "<code class=\"secret\">([^<]+)</code>").Groups[1].Value;
        Assert.Equal(20, password.Length);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LindungUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal(Seed.AgencyA, user.AgencyId);
            Assert.True(await users.IsInRoleAsync(user, LindungRoles.AgencyOperator));
        }

        using var newUser = fixture.App.CreateClient();
        using var signIn = await TestUsers.SignInAsync(newUser, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // One-time: the new user chooses a password before anything else.
        using (var gated = await newUser.GetAsync(new Uri($"/agencies/{Seed.AgencyB}", UriKind.Relative)))
        {
            Assert.Equal("/account/password", gated.Headers.Location?.OriginalString);
        }

        using var changed = await Pages.PostFormAsync(newUser, "/account/password", new Dictionary<string, string>
        {
            ["Current"] = password,
            ["New"] = "kata sandi pilihan sendiri",
            ["Confirm"] = "kata sandi pilihan sendiri",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(newUser, $"/agencies/{Seed.AgencyB}"));
    }

    [Fact]
    public async Task User_form_rejects_an_operator_without_agency_and_a_duplicate_email()
    {
        var (client, adminEmail) = await AdminAsync();
        using var _ = client;

        using var response = await Pages.PostFormAsync(client, "/admin/users", new Dictionary<string, string>
        {
            ["Input.Email"] = adminEmail,
            ["Input.Role"] = LindungRoles.AgencyOperator,
            ["Input.AgencyId"] = "",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Email ini sudah terdaftar sebagai pengguna.", html, StringComparison.Ordinal);
        Assert.Contains("Operator OPD dan pejabat pembuat komitmen harus terhubung dengan satu instansi.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"secret\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_a_target_saves_basis_points_replaces_the_same_year_and_audits()
    {
        var (client, email) = await AdminAsync();
        using var _ = client;
        var fields = new Dictionary<string, string>
        {
            ["Input.Year"] = "2031",
            ["Input.AgencyId"] = Seed.AgencyB.ToString(),
            ["Input.RegionCode"] = "",
            ["Input.Percent"] = "85,5",
        };

        using var first = await Pages.PostFormAsync(client, "/admin/targets", fields);
        fields["Input.Percent"] = "90";
        using var second = await Pages.PostFormAsync(client, "/admin/targets", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var target = await db.CoverageTargets.SingleAsync(t => t.Year == 2031 && t.AgencyId == Seed.AgencyB);
        Assert.Equal(9000, target.TargetBasisPoints);
        Assert.Equal(RegistrySeed.Region, target.RegionCode);
        var audits = await db.AuditEvents.Where(e => e.EntityKey == target.Id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Update], audits.Select(a => a.Action));
        Assert.All(audits, a => Assert.Equal(email, a.Actor));
        Assert.Contains("8550", audits[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Region_target_needs_a_known_region()
    {
        var (client, _) = await AdminAsync();
        using var _ = client;

        using var response = await Pages.PostFormAsync(client, "/admin/targets", new Dictionary<string, string>
        {
            ["Input.Year"] = "2032",
            ["Input.RegionCode"] = "35.98",
            ["Input.Percent"] = "120",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kode wilayah tidak dikenal", html, StringComparison.Ordinal);
        Assert.Contains("Target harus berupa persentase", html, StringComparison.Ordinal);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.False(await db.CoverageTargets.AnyAsync(t => t.Year == 2032));
    }

    [Fact]
    public async Task A_region_replace_limit_is_refused_by_name_then_saved_and_listed()
    {
        var (client, _) = await AdminAsync();
        using var _ = client;
        const string path = "/admin/coverage-settings?handler=ReplaceLimit";

        using var refused = await Pages.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["ReplaceLimit.RegionCode"] = RegistrySeed.Region,
            ["ReplaceLimit.Percent"] = "150",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Batas penggantian harus bilangan bulat", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await Pages.PostFormAsync(client, path, new Dictionary<string, string>
        {
            ["ReplaceLimit.RegionCode"] = RegistrySeed.Region,
            ["ReplaceLimit.Percent"] = "35",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await Pages.HtmlAsync(client, "/admin/coverage-settings");
        Assert.Contains("35%", html, StringComparison.Ordinal);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(35, (await db.ReplaceLimits.SingleAsync(s => s.RegionCode == RegistrySeed.Region)).EndLimitPercent);
    }

    private async Task<(HttpClient Client, string Email)> AdminAsync()
    {
        var email = await TestUsers.CreateAsync(fixture.App.Services, LindungRoles.RegionalAdmin);
        var client = fixture.App.CreateClient();
        using var response = await TestUsers.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, email);
    }

    private async Task<Guid> AddAgencyAsync(string name)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var agency = new Agency { Code = "K-" + Guid.NewGuid().ToString("N")[..6], Name = name, Kind = AgencyKind.Kantor, RegionCode = RegistrySeed.Region };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency.Id;
    }

    private async Task<int> CountAuditsAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LindungDbContext>().AuditEvents.CountAsync();
    }
}
