using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Lindung.Features.Licensing;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Licensing;

/// <summary>
/// The licensing gate as a licensing system and a licensing clerk meet it, on both databases, with
/// the example rules for Kota Madiun: a compliant firm is granted, a firm with unregistered workers
/// refused, a firm reporting low wages sent to review; bad requests are named 400s and are not
/// stored; every answered check is stored with who asked, and listed in the asker's regions only.
/// </summary>
public sealed partial class LicenceCheckTests
{
    /// <summary>The firms of <see cref="SeedAsync(IServiceProvider)"/> a clerk finds by NIB: a PATUH one and one with unregistered workers.</summary>
    internal const string CompliantNib = "9120001111111";
    internal const string MissingWorkersNib = "9120002222222";
    private const string CompliantNpp = "11111111";
    private const string MissingWorkersNpp = "22222222";
    private const string LowWageNib = "9120003333333";
    private const string MicroNpp = "44444444";

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Licensing_systems_get_a_decision_with_reasons_and_the_rule_and_every_check_is_stored(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await SeedAsync(world);
        var (key, keyRow) = await world.KeyClientAsync(Lindung.Data.LindungRoles.LicensingOfficer);
        using (key)
        {
            var granted = await CheckAsync(key, "PBG", CompliantNpp, "PBG-2026-0001");
            Assert.Equal("IZINKAN", granted.GetProperty("outcome").GetString());
            Assert.Equal("COMPLIANT", granted.GetProperty("reasons")[0].GetProperty("code").GetString());
            var rule = granted.GetProperty("rule");
            Assert.Equal(("PBG", "35.77", "2023-01-01"), (rule.GetProperty("licence_type").GetString(), rule.GetProperty("region_code").GetString(), rule.GetProperty("effective_from").GetString()));
            Assert.Contains("PP 86/2013", rule.GetProperty("legal_basis").GetString(), StringComparison.Ordinal);
            Assert.Equal("PT Patuh Selalu", granted.GetProperty("employer_name").GetString());

            var refused = await CheckAsync(key, "PB_UMKU", MissingWorkersNpp, "NIB-2026-0002");
            Assert.Equal("TOLAK", refused.GetProperty("outcome").GetString());
            var reason = Assert.Single(refused.GetProperty("reasons").EnumerateArray());
            Assert.Equal(("PDS_WORKERS", "TOLAK"), (reason.GetProperty("code").GetString(), reason.GetProperty("outcome").GetString()));
            Assert.Equal((1, 2), (reason.GetProperty("evidence").GetProperty("count").GetInt32(), reason.GetProperty("evidence").GetProperty("of").GetInt32()));
            Assert.Contains("PDS Tenaga Kerja", reason.GetProperty("message_id").GetString(), StringComparison.Ordinal);
            Assert.Contains("PDS workers", reason.GetProperty("message_en").GetString(), StringComparison.Ordinal);
            Assert.Equal("2024-01-01", refused.GetProperty("rule").GetProperty("effective_from").GetString());

            var review = await CheckAsync(key, "PBG", LowWageNib, "PBG-2026-0003");
            Assert.Equal("TINJAU", review.GetProperty("outcome").GetString());
            Assert.Equal("PDS_WAGE", Assert.Single(review.GetProperty("reasons").EnumerateArray()).GetProperty("code").GetString());

            // Construction is stricter in the example rules: low wages refuse.
            Assert.Equal("TOLAK", (await CheckAsync(key, "SIUJK", LowWageNib, "SIUJK-2026-0004")).GetProperty("outcome").GetString());

            // A micro firm is exempt from the business licence rule, not from the building permit.
            Assert.Equal("EXEMPT_MICRO", (await CheckAsync(key, "PB_UMKU", MicroNpp, "NIB-2026-0005")).GetProperty("reasons")[0].GetProperty("code").GetString());
            Assert.Equal("TOLAK", (await CheckAsync(key, "PBG", MicroNpp, "PBG-2026-0006")).GetProperty("outcome").GetString());

            // Kota Madiun has no tender rule of its own: the province-wide one applies.
            Assert.Equal("35.00", (await CheckAsync(key, "TENDER", CompliantNpp, "TND-2026-0007")).GetProperty("rule").GetProperty("region_code").GetString());

            using var list = await key.GetAsync(new Uri("/api/v1/compliance/checks?pageSize=2", UriKind.Relative));
            using var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
            Assert.Equal(7, page.RootElement.GetProperty("total").GetInt32());
            var newest = page.RootElement.GetProperty("items")[0];
            Assert.Equal("TND-2026-0007", newest.GetProperty("application_number").GetString());
            Assert.Equal("apikey:" + keyRow.Prefix, newest.GetProperty("asked_by").GetString());

            using var one = await key.GetAsync(new Uri("/api/v1/compliance/checks?application_number=NIB-2026-0002", UriKind.Relative));
            using var filtered = JsonDocument.Parse(await one.Content.ReadAsStringAsync());
            var stored = Assert.Single(filtered.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(("TOLAK", "PDS_WORKERS"), (stored.GetProperty("outcome").GetString(), stored.GetProperty("reasons")[0].GetProperty("code").GetString()));
        }

        // A signed-in officer (cookie, with the CSRF header) is recorded by email.
        using var clerk = await world.ClientAsync(Lindung.Data.LindungRoles.LicensingOfficer);
        var byClerk = await CheckAsync(clerk, "PBG", CompliantNpp, "PBG-2026-0100");
        Assert.Contains("@", byClerk.GetProperty("asked_by").GetString(), StringComparison.Ordinal);

        // Another region's key sees none of these checks.
        var (elsewhere, _) = await world.KeyClientAsync(Lindung.Data.LindungRoles.LicensingOfficer, region: ApiWorld.OtherRegion);
        using (elsewhere)
        {
            using var other = await elsewhere.GetAsync(new Uri("/api/v1/compliance/checks", UriKind.Relative));
            using var otherPage = JsonDocument.Parse(await other.Content.ReadAsStringAsync());
            Assert.Equal(0, otherPage.RootElement.GetProperty("total").GetInt32());
        }

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(8, await db.LicenceChecks.CountAsync(c => c.RegionCode == ApiWorld.Region));
        // The check row is the record of who asked: it is not audited a second time.
        Assert.False(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(LicenceCheck)));
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Bad_requests_are_named_400s_and_nothing_is_stored(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await SeedAsync(world);
        var (key, _) = await world.KeyClientAsync(Lindung.Data.LindungRoles.LicensingOfficer);
        using (key)
        {
            var codes = await ProblemAsync(key, new { licence_type = "KAPAL_PESIAR", identifier = CompliantNpp, application_number = "X-1" });
            Assert.Equal("LICENCE_TYPE_UNKNOWN", codes.GetProperty("licence_type").GetString());

            codes = await ProblemAsync(key, new { licence_type = "PBG", identifier = "12AB-99", application_number = " " });
            Assert.Equal("IDENTIFIER_NOT_DIGITS", codes.GetProperty("identifier").GetString());
            Assert.Equal("APPLICATION_NUMBER_REQUIRED", codes.GetProperty("application_number").GetString());

            codes = await ProblemAsync(key, new { licence_type = "PBG", identifier = "1234567", application_number = "X-2", nik = "12345" });
            Assert.Equal("IDENTIFIER_LENGTH", codes.GetProperty("identifier").GetString());
            Assert.Equal("NIK_LENGTH", codes.GetProperty("nik").GetString());
        }

        // An admin without a single region (here the whole installation) must say which licensing
        // office it asks for; Kabupaten Madiun has no building-permit rule of its own or from the province.
        using (var admin = await TestUsers.SignedInClientAsync(world.App, Lindung.Data.LindungRoles.RegionalAdmin))
        {
            var codes = await ProblemAsync(admin, new { licence_type = "PBG", identifier = CompliantNpp, application_number = "X-3" });
            Assert.Equal("REGION_REQUIRED", codes.GetProperty("region_code").GetString());
            codes = await ProblemAsync(admin, new { licence_type = "PBG", identifier = CompliantNpp, application_number = "X-3", region_code = "99.99" });
            Assert.Equal("REGION_INVALID", codes.GetProperty("region_code").GetString());
            codes = await ProblemAsync(admin, new { licence_type = "PBG", identifier = CompliantNpp, application_number = "X-3", region_code = "35.19" });
            Assert.Equal("LICENCE_TYPE_UNKNOWN", codes.GetProperty("licence_type").GetString());
        }

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(0, await db.LicenceChecks.CountAsync());
    }

    [Fact]
    public async Task A_licensing_clerk_checks_an_application_on_the_page_and_sees_it_listed()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        await SeedAsync(world);
        using var clerk = await world.ClientAsync(Lindung.Data.LindungRoles.LicensingOfficer);
        var form = await Pages.HtmlAsync(clerk, "/licensing");
        Assert.Contains("<option value=\"PBG\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"TENDER\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.RegionCode\"", form, StringComparison.Ordinal);

        using var posted = await Pages.PostFormAsync(clerk, "/licensing", new Dictionary<string, string>
        {
            ["Input.LicenceType"] = "PB_UMKU",
            ["Input.Identifier"] = MissingWorkersNpp,
            ["Input.ApplicationNumber"] = "NIB/2026/777",
        });
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-outcome=\"TOLAK\"", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"PDS_WORKERS\"", html, StringComparison.Ordinal);
        Assert.Contains("1 dari 2 pekerja", html, StringComparison.Ordinal);
        Assert.Contains("PP 86/2013", html, StringComparison.Ordinal);
        Assert.Contains("NIB/2026/777", html, StringComparison.Ordinal);

        using var refused = await Pages.PostFormAsync(clerk, "/licensing", new Dictionary<string, string>
        {
            ["Input.LicenceType"] = "PBG",
            ["Input.Identifier"] = CompliantNpp,
            ["Input.ApplicationNumber"] = "",
        });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Isi nomor permohonan izin.", refusedHtml, StringComparison.Ordinal);

        var listed = await Pages.HtmlAsync(clerk, "/licensing");
        Assert.Single(CheckRow().Matches(listed));
    }

    [Fact]
    public async Task A_regional_admin_adds_a_new_version_of_a_rule_and_never_rewrites_history()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        await SeedAsync(world);
        using var admin = await world.ClientAsync(Lindung.Data.LindungRoles.RegionalAdmin);
        var page = await Pages.HtmlAsync(admin, "/admin/licence-rules");
        Assert.Contains("data-rule=\"PBG\"", page, StringComparison.Ordinal);

        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["Input.LicenceType"] = "PBG",
            ["Input.NameId"] = "Persetujuan Bangunan Gedung",
            ["Input.NameEn"] = "Building approval",
            ["Input.RegionCode"] = "35.77",
            ["Input.EffectiveFrom"] = tomorrow,
            ["Input.RequiresProof"] = "true",
            ["Input.WithheldUnderTmp2t"] = "true",
            ["Input.Outcome.PDS_WAGE"] = "TOLAK",
            ["Input.LegalBasis"] = "Perwali Kota Madiun No. 99 Tahun 2026 Pasal 5",
        };
        using (var saved = await Pages.PostFormAsync(admin, "/admin/licence-rules", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        fields["Input.EffectiveFrom"] = "2023-06-01";
        using (var backdated = await Pages.PostFormAsync(admin, "/admin/licence-rules", fields))
        {
            Assert.Contains("Versi baru harus mulai berlaku setelah versi terakhir", await backdated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        fields["Input.RegionCode"] = "35.19";
        using (var elsewhere = await Pages.PostFormAsync(admin, "/admin/licence-rules", fields))
        {
            Assert.Contains("di dalam wilayah Anda", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var versions = await db.LicenceRules.Where(r => r.LicenceType == "PBG" && r.RegionCode == "35.77").OrderBy(r => r.EffectiveFrom).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.Equal("NOT_REGISTERED=TOLAK,ARREARS=TOLAK,PDS_WORKERS=TOLAK,PDS_WAGE=TOLAK,PDS_PROGRAM=TINJAU,SANCTIONED=TOLAK", versions[1].Outcomes);
        Assert.False(versions[1].ExemptMicro);
        var audit = await db.AuditEvents.SingleAsync(e => e.EntityType == nameof(LicenceRuleVersion) && e.EntityKey == versions[1].Id.ToString());
        Assert.Equal(AuditAction.Create, audit.Action);
        Assert.Contains("@", audit.Actor, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CheckAsync(HttpClient client, string type, string identifier, string application)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/compliance/checks", UriKind.Relative),
            new { licence_type = type, identifier, application_number = application });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{type} {identifier}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/compliance/checks", UriKind.Relative), request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("codes").Clone();
    }

    /// <summary>The example rules and four firms in Kota Madiun, with an extract loaded a few days ago.</summary>
    internal static Task SeedAsync(ApiWorld world) => SeedAsync(world.App.Services);

    /// <inheritdoc cref="SeedAsync(ApiWorld)"/>
    internal static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        await LicenceRuleStore.AddAsync(db, LicenceRuleFiles.ReadExample(), "file:licence-rules.json", DateTime.UtcNow, CancellationToken.None);

        var loaded = DateTime.UtcNow.AddDays(-3);
        var paidUp = ContributionDue.LastMonthDue(DateOnly.FromDateTime(loaded));
        var extract = new MembershipExtract { FileName = "ekstrak.csv", Sha256 = new string('b', 64), LoadedAt = loaded, LoadedBy = "test", RowCount = 5, RegionCode = ApiWorld.Region };
        var compliant = new Employer { Name = "PT Patuh Selalu", Npp = CompliantNpp, Nib = CompliantNib, BusinessSize = BusinessSize.Small, RegionCode = ApiWorld.Region };
        var missing = new Employer { Name = "CV Separuh Daftar", Npp = MissingWorkersNpp, Nib = MissingWorkersNib, BusinessSize = BusinessSize.Small, RegionCode = ApiWorld.Region };
        var lowWage = new Employer { Name = "UD Upah Rendah", Npp = "33333333", Nib = LowWageNib, BusinessSize = BusinessSize.Small, RegionCode = ApiWorld.Region };
        var micro = new Employer { Name = "UD Kecil Sekali", Npp = MicroNpp, BusinessSize = BusinessSize.Micro, RegionCode = ApiWorld.Region };
        db.AddRange(extract, compliant, missing, lowWage, micro);

        var serial = 60;
        void Hire(Employer employer, long wage, long? reported)
        {
            serial++;
            var worker = new Worker { Nik = Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1987, 3, serial % 28 + 1), Sex.P, serial), Name = "Pekerja Uji", Sex = Sex.P, RegionCode = "35.77.01.1001" };
            db.Add(worker);
            db.Add(new Employment
            {
                WorkerId = worker.Id,
                EmployerId = employer.Id,
                Category = WorkerCategory.PuSwasta,
                MonthlyWage = wage,
                FundingSource = FundingSource.Private,
                ValidFrom = new DateOnly(2025, 1, 1),
                RegionCode = employer.RegionCode,
            });
            if (reported is { } r)
            {
                db.Add(new Membership
                {
                    Kpj = $"{71000000000 + serial}",
                    WorkerId = worker.Id,
                    Segment = Segment.Pu,
                    Programs = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht,
                    EmployerNpp = employer.Npp,
                    Status = MembershipStatus.Active,
                    ReportedWage = r,
                    LastPaidMonth = paidUp,
                    SourceExtractId = extract.Id,
                    ValidFrom = new DateOnly(2025, 1, 1),
                    RegionCode = employer.RegionCode,
                });
            }
        }

        Hire(compliant, 3_000_000, 3_000_000);
        Hire(missing, 3_000_000, 3_000_000);
        Hire(missing, 3_000_000, null);
        Hire(lowWage, 3_000_000, 2_000_000);
        Hire(micro, 2_500_000, null);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("<tr data-check=\"")]
    private static partial Regex CheckRow();
}
