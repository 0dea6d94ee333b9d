using System.Net;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Compliance;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Lindung.Features.Compliance;
using Lindung.Features.Shared;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Compliance;

/// <summary>
/// Employer compliance as a licensing system and a licensing clerk meet it, on both databases: a
/// paying firm with every known worker enrolled is PATUH; a firm in arrears with unregistered
/// workers, under-reported wages and missing programs is TIDAK_PATUH with one finding each; a firm
/// with no NPP, an unknown number and a firm of another region are TIDAK_TERDAFTAR.
/// </summary>
public sealed class EmployerComplianceTests
{
    private const string CompliantNib = "9120001111111";
    private const string CompliantNpwp = "01.234.567.8-901.000";
    private const string LaggingNpp = "22222222";
    private const string UnregisteredNib = "9120003333333";
    private const string OtherRegionNpp = "44444444";

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Licensing_systems_get_a_status_with_findings_and_their_evidence(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var extract = await SeedAsync(world);
        var (client, _) = await world.KeyClientAsync(LindungRoles.LicensingOfficer);
        using (client)
        {
            foreach (var identifier in new[] { CompliantNib, CompliantNpwp, "0012345678901000", "11111111" })
            {
                var compliant = await GetAsync(client, identifier);
                Assert.Equal("PATUH", compliant.GetProperty("status").GetString());
                Assert.Empty(compliant.GetProperty("findings").EnumerateArray());
                Assert.Equal("PT Patuh Selalu", compliant.GetProperty("employer").GetProperty("name").GetString());
                Assert.Equal(2, compliant.GetProperty("active_members").GetInt32());
            }

            var lagging = await GetAsync(client, LaggingNpp);
            Assert.Equal("TIDAK_PATUH", lagging.GetProperty("status").GetString());
            var findings = lagging.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!, f => f.GetProperty("evidence"));
            Assert.Equal(["ARREARS", "PDS_WORKERS", "PDS_WAGE", "PDS_PROGRAM"], findings.Keys);
            Assert.Equal(3, findings["ARREARS"].GetProperty("months").GetInt32());
            Assert.Equal(extract.ToString(), findings["ARREARS"].GetProperty("extract_id").GetString());
            Assert.Equal((2, 3), (findings["PDS_WORKERS"].GetProperty("count").GetInt32(), findings["PDS_WORKERS"].GetProperty("of").GetInt32()));
            Assert.Equal(1, findings["PDS_WAGE"].GetProperty("count").GetInt32());
            Assert.Equal("JKK,JKM,JHT,JP", findings["PDS_PROGRAM"].GetProperty("programs").GetString());

            var unregistered = await GetAsync(client, UnregisteredNib);
            Assert.Equal("TIDAK_TERDAFTAR", unregistered.GetProperty("status").GetString());
            Assert.Equal("NOT_REGISTERED", unregistered.GetProperty("findings")[0].GetProperty("code").GetString());
            Assert.Equal("UD Belum Daftar", unregistered.GetProperty("employer").GetProperty("name").GetString());

            foreach (var unknown in new[] { "9999999999999", OtherRegionNpp })
            {
                var answer = await GetAsync(client, unknown);
                Assert.Equal("TIDAK_TERDAFTAR", answer.GetProperty("status").GetString());
                Assert.Equal(JsonValueKind.Null, answer.GetProperty("employer").ValueKind);
            }

            using var malformed = await client.GetAsync(new Uri("/api/v1/compliance/employers/12AB-99", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            using var problem = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync());
            Assert.Equal("IDENTIFIER_NOT_DIGITS", problem.RootElement.GetProperty("codes").GetProperty("identifier").GetString());
            using var tooShort = await client.GetAsync(new Uri("/api/v1/compliance/employers/1234567", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        }

        using var agencyOperator = await world.ClientAsync(LindungRoles.AgencyOperator);
        using var refused = await agencyOperator.GetAsync(new Uri($"/api/v1/compliance/employers/{CompliantNib}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_answer_is_kept_through_the_audit_of_checks_and_never_past_a_registry_commit(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await SeedAsync(world);
        var (client, _) = await world.KeyClientAsync(LindungRoles.LicensingOfficer);
        using (client)
        {
            var first = await GetAsync(client, LaggingNpp);
            Assert.Equal(2, Finding(first, "PDS_WORKERS").GetProperty("count").GetInt32());

            // The audit of that answer is written (a commit); the answer is still the one kept.
            var version = world.App.Services.GetRequiredService<DatabaseVersion>();
            var answers = world.App.Services.GetRequiredService<ComplianceAnswerCache>().Answers!;
            var key = new ComplianceAnswerKey(
                "employers;regions:" + ApiWorld.Region, new EmployerIdentifier(EmployerIdentifierKind.Npp, LaggingNpp),
                world.App.Services.GetRequiredService<TimeProvider>().Today());
            await WaitForAuditAsync(world, 1);
            // PostgreSQL: other test classes' commits in the cluster may (rightly) retire it; ask again.
            for (var attempt = 0; attempt < 20 && !answers.TryGet(await version.ReadAsync(CancellationToken.None), key, out _); attempt++)
            {
                _ = await GetAsync(client, LaggingNpp);
                await WaitForAuditAsync(world, attempt + 2);
            }

            Assert.True(answers.TryGet(await version.ReadAsync(CancellationToken.None), key, out var kept), "the audit write retired the kept answer");
            Assert.Equal(ComplianceStatus.TidakPatuh, kept.Status);

            // One of the unregistered workers is enrolled: the next answer counts it.
            await using (var scope = world.App.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                var jobs = db.Employments.Where(e => e.Employer!.Npp == LaggingNpp).Select(e => e.WorkerId);
                var unenrolled = await db.Workers.Where(w => jobs.Contains(w.Id) && !db.Memberships.Any(m => m.WorkerId == w.Id)).Select(w => w.Id).FirstAsync();
                db.Add(new Membership
                {
                    Kpj = "79999999999",
                    WorkerId = unenrolled,
                    Segment = Segment.Pu,
                    Programs = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht | ProgramSet.Jp,
                    EmployerNpp = LaggingNpp,
                    Status = MembershipStatus.Active,
                    ReportedWage = 4_000_000,
                    LastPaidMonth = ContributionDue.LastMonthDue(DateOnly.FromDateTime(DateTime.UtcNow)),
                    ValidFrom = new DateOnly(2025, 1, 1),
                    RegionCode = ApiWorld.Region,
                });
                await db.SaveChangesAsync();
            }

            var after = await GetAsync(client, LaggingNpp);
            Assert.Equal(1, Finding(after, "PDS_WORKERS").GetProperty("count").GetInt32());
            Assert.Equal(first.GetProperty("active_members").GetInt32() + 1, after.GetProperty("active_members").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task The_facts_read_for_every_employer_answer_as_a_single_check_does(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await SeedAsync(world);
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var clock = world.App.Services.GetRequiredService<TimeProvider>();
        var today = clock.Today();
        var single = new CheckEmployerCompliance(db, clock);
        foreach (var region in new[] { ApiWorld.Region, ApiWorld.OtherRegion })
        {
            var officer = new Lindung.Security.AccessScope(new HashSet<string> { LindungRoles.LicensingOfficer }, [region], null, "clerk@test");
            var snapshot = await single.ReadAllAsync(officer, today, CancellationToken.None);
            string[] identifiers =
            [
                CompliantNib, CompliantNpwp, "0012345678901000", "11111111", LaggingNpp, "9120002222222", UnregisteredNib,
                "9999999999999", OtherRegionNpp, world.EmployerIn.Npp!, world.EmployerOut.Npp!, "55555555",
            ];
            foreach (var text in identifiers)
            {
                var computed = await single.HandleAsync(text, officer, CancellationToken.None);
                Assert.True(EmployerIdentifier.TryParse(text, out var identifier, out _));
                var (employer, facts) = snapshot.Find(identifier!);
                var read = CheckEmployerCompliance.Answer(identifier!, employer, facts, today, computed.Value.CheckedAt);
                Assert.Equal(JsonSerializer.Serialize(computed.Value), JsonSerializer.Serialize(read));
            }
        }
    }

    [Fact]
    public async Task Checks_of_many_firms_are_answered_from_every_employers_facts_until_the_next_commit()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        await SeedAsync(world);
        var (client, _) = await world.KeyClientAsync(LindungRoles.LicensingOfficer);
        using (client)
        {
            var before = await GetAsync(client, LaggingNpp);
            var cache = world.App.Services.GetRequiredService<ComplianceAnswerCache>();
            var version = world.App.Services.GetRequiredService<DatabaseVersion>();
            var scopeKey = "employers;regions:" + ApiWorld.Region;
            var today = world.App.Services.GetRequiredService<TimeProvider>().Today();
            // Firms nobody asked about before: each is computed, until enough of them read every employer's facts.
            // A background commit (the coverage snapshot after seeding) can move the version mid-round and restart
            // the count, so a loaded machine may need another round of misses.
            ComplianceFactsSnapshot? snapshot = null;
            for (var round = 0; round < 10 && snapshot is null; round++)
            {
                for (var i = 0; i < ComplianceAnswerCache.BuildAfterMisses + 1; i++)
                {
                    _ = await GetAsync(client, $"95{round:D2}{i:D9}");
                }

                for (var wait = 0; wait < 60 && snapshot is null; wait++)
                {
                    await Task.Delay(50);
                    snapshot = cache.Facts(scopeKey, await version.ReadAsync(CancellationToken.None), today);
                }
            }

            Assert.NotNull(snapshot);
            Assert.True(snapshot.Employers >= 4, $"{snapshot.Employers} employers read");
            var fromFacts = await GetAsync(client, "9120002222222");
            Assert.Equal(before.GetProperty("findings").ToString(), fromFacts.GetProperty("findings").ToString());

            await using (var scope = world.App.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                db.Add(new Employer { Name = "PT Baru Daftar", Npp = "66666666", Nib = "9120006666666", RegionCode = ApiWorld.Region });
                await db.SaveChangesAsync();
            }

            Assert.Null(cache.Facts(scopeKey, await version.ReadAsync(CancellationToken.None), today));
            var added = await GetAsync(client, "9120006666666");
            Assert.Equal("PT Baru Daftar", added.GetProperty("employer").GetProperty("name").GetString());
        }
    }

    private static JsonElement Finding(JsonElement answer, string code) =>
        answer.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("evidence");

    private static async Task WaitForAuditAsync(ApiWorld world, int count)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            await using var scope = world.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            if (await db.AuditEvents.CountAsync(e => e.EntityType == ComplianceAudit.EntityType) >= count)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"fewer than {count} compliance checks audited after 5 s");
    }

    [Fact]
    public async Task A_licensing_clerk_finds_a_firm_by_nib_or_npwp_and_reads_its_status_on_its_page()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        await SeedAsync(world);
        using var clerk = await world.ClientAsync(LindungRoles.LicensingOfficer);

        foreach (var query in new[] { CompliantNib, Uri.EscapeDataString(CompliantNpwp) })
        {
            var found = await Pages.HtmlAsync(clerk, "/employers?q=" + query);
            Assert.Contains("1 hasil ditemukan.", found, StringComparison.Ordinal);
            Assert.Contains("PT Patuh Selalu", found, StringComparison.Ordinal);
        }

        var lagging = await Pages.HtmlAsync(clerk, "/employers?q=" + LaggingNpp);
        var id = System.Text.RegularExpressions.Regex.Match(lagging, "href=\"/employers/([0-9a-f-]{36})\"").Groups[1].Value;
        var page = await Pages.HtmlAsync(clerk, $"/employers/{id}");
        Assert.Contains("data-status=\"TIDAK_PATUH\"", page, StringComparison.Ordinal);
        Assert.Contains("data-code=\"PDS_WORKERS\"", page, StringComparison.Ordinal);
        Assert.Contains("2 dari 3 pekerja", page, StringComparison.Ordinal);
        // Counts only: the clerk sees no worker's name on the way.
        Assert.DoesNotContain("Pekerja Lalai", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task The_employer_list_shows_each_firms_status_as_a_check_answers_it_and_filters_by_it(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        await SeedAsync(world);
        using var clerk = await world.ClientAsync(LindungRoles.LicensingOfficer);
        var (api, _) = await world.KeyClientAsync(LindungRoles.LicensingOfficer);
        using (api)
        {
            var all = await Pages.HtmlAsync(clerk, "/employers");
            foreach (var (name, identifier) in new[] { ("PT Patuh Selalu", CompliantNib), ("CV Lalai Terus", LaggingNpp), ("UD Belum Daftar", UnregisteredNib) })
            {
                var status = (await GetAsync(api, identifier)).GetProperty("status").GetString();
                var row = System.Text.RegularExpressions.Regex.Match(all, $"<tr>\\s*<td[^>]*><a href=\"/employers/[^\"]+\">{name}</a>.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
                Assert.True(row.Success, name);
                Assert.Contains($"data-status=\"{status}\"", row.Value, StringComparison.Ordinal);
            }

            // The other region's firm is outside the clerk's scope, so the counts are of three firms.
            Assert.Contains("data-status=\"PATUH\">Patuh (1)", all, StringComparison.Ordinal);

            var lagging = await Pages.HtmlAsync(clerk, "/employers?status=TIDAK_PATUH");
            Assert.Contains("CV Lalai Terus", lagging, StringComparison.Ordinal);
            Assert.DoesNotContain("PT Patuh Selalu", lagging, StringComparison.Ordinal);
            Assert.DoesNotContain("UD Belum Daftar", lagging, StringComparison.Ordinal);
            Assert.Contains("1 hasil ditemukan.", lagging, StringComparison.Ordinal);

            // The search and the filter combine; the pager keeps both.
            Assert.Contains("0 hasil ditemukan.", await Pages.HtmlAsync(clerk, "/employers?q=" + CompliantNib + "&status=TIDAK_TERDAFTAR"), StringComparison.Ordinal);
            Assert.Contains("PT Patuh Selalu", await Pages.HtmlAsync(clerk, "/employers?q=" + CompliantNib + "&status=PATUH"), StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string identifier)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/compliance/employers/" + Uri.EscapeDataString(identifier), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{identifier}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Seeds three firms in Kota Madiun and one in Kabupaten Madiun, with an extract loaded a few days ago.</summary>
    private static async Task<Guid> SeedAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var loaded = DateTime.UtcNow.AddDays(-3);
        var paidUp = ContributionDue.LastMonthDue(DateOnly.FromDateTime(loaded));
        var extract = new MembershipExtract { FileName = "ekstrak.csv", Sha256 = new string('a', 64), LoadedAt = loaded, LoadedBy = "test", RowCount = 5, RegionCode = ApiWorld.Region };
        var compliant = new Employer { Name = "PT Patuh Selalu", Npp = "11111111", Nib = CompliantNib, Npwp = "012345678901000", BusinessSize = BusinessSize.Small, RegionCode = ApiWorld.Region };
        var lagging = new Employer { Name = "CV Lalai Terus", Npp = LaggingNpp, Nib = "9120002222222", BusinessSize = BusinessSize.Medium, RegionCode = ApiWorld.Region };
        var unregistered = new Employer { Name = "UD Belum Daftar", Nib = UnregisteredNib, RegionCode = ApiWorld.Region };
        var elsewhere = new Employer { Name = "PT Seberang", Npp = OtherRegionNpp, RegionCode = ApiWorld.OtherRegion };
        db.AddRange(extract, compliant, lagging, unregistered, elsewhere);

        var serial = 40;
        void Hire(Employer employer, long wage, (ProgramSet Programs, long Reported, DateOnly Paid)? member, string name = "Pekerja Patuh")
        {
            serial++;
            var worker = new Worker { Nik = Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1988, 2, serial % 28 + 1), Sex.L, serial), Name = name, Sex = Sex.L, RegionCode = "35.77.01.1001" };
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
            if (member is { } m)
            {
                db.Add(new Membership
                {
                    Kpj = $"{70000000000 + serial}",
                    WorkerId = worker.Id,
                    Segment = Segment.Pu,
                    Programs = m.Programs,
                    EmployerNpp = employer.Npp,
                    Status = MembershipStatus.Active,
                    ReportedWage = m.Reported,
                    LastPaidMonth = m.Paid,
                    SourceExtractId = extract.Id,
                    ValidFrom = new DateOnly(2025, 1, 1),
                    RegionCode = employer.RegionCode,
                });
            }
        }

        var full = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht;
        Hire(compliant, 3_000_000, (full, 3_000_000, paidUp));
        Hire(compliant, 3_500_000, (full, 3_500_000, paidUp.AddMonths(-1)));
        Hire(lagging, 4_000_000, (ProgramSet.Jkk | ProgramSet.Jkm, 2_000_000, paidUp.AddMonths(-3)), "Pekerja Lalai");
        Hire(lagging, 4_000_000, null, "Pekerja Lalai");
        Hire(lagging, 4_000_000, null, "Pekerja Lalai");
        Hire(unregistered, 2_000_000, null);
        Hire(elsewhere, 2_000_000, (full, 2_000_000, paidUp));
        await db.SaveChangesAsync();
        return extract.Id;
    }
}
