using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Licensing;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Enforcement;

/// <summary>
/// A case from a PDS finding to the state attorney through the API, on both databases: the ladder
/// refuses a skipped stage, each stage issues its numbered letter with a deadline in working days on the
/// holiday calendar, TMP2T makes the licensing gate answer TOLAK with SANCTIONED until the case closes,
/// the state attorney of the referred Kejaksaan Negeri (and no other) records an amount recovered, and a
/// reopen needs its reason.
/// </summary>
public sealed class EnforcementTests
{
    private const string Cases = "/api/v1/enforcement/cases";

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_case_climbs_from_a_finding_to_a_sanction_and_the_state_attorney(string provider)
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero)); // a Friday
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(clock));
        await LicenceCheckTests.SeedAsync(world);
        Guid employerId;
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            employerId = await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Employers.Where(e => e.Npp == "22222222").Select(e => e.Id).SingleAsync();
        }

        // Sign-in cookies expire as the clock moves on, so each stretch of days signs in afresh.
        var branch = await world.ClientAsync(LindungRoles.BranchOfficer);

        using var created = await branch.PostAsJsonAsync(new Uri(Cases, UriKind.Relative), new { employer_id = employerId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var opened = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = opened.GetProperty("id").GetGuid();
        Assert.Equal("PK/35.77/2026/0002", opened.GetProperty("number").GetString()); // after the fixture's 0001
        Assert.Equal(["PDS_WORKERS"], opened.GetProperty("violations").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("2026-12-18", opened.GetProperty("due_on").GetString()); // ten working days

        await AssertRefusedAsync(branch, Cases, new { employer_id = employerId }, "CASE_ALREADY_OPEN");
        await AssertRefusedAsync(branch, $"{Cases}/{id}/advance", new { stage = "fine" }, "CASE_STAGE_ORDER");

        // Warning I on 17 December: ten working days skip 24–25 December (joint leave, Christmas) and 1 January.
        clock.Now = new DateTimeOffset(2026, 12, 17, 3, 0, 0, TimeSpan.Zero);
        branch.Dispose();
        branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        var warning = await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/advance", new { stage = "warning1" });
        Assert.Equal("2027-01-05", warning.GetProperty("due_on").GetString());
        var letterId = warning.GetProperty("letter_id").GetGuid();
        using (var pdf = await branch.GetAsync(new Uri($"{Cases}/{id}/letters/{letterId}", UriKind.Relative)))
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        }

        // Past the deadline the case is overdue on the branch's list.
        clock.Now = new DateTimeOffset(2027, 1, 6, 3, 0, 0, TimeSpan.Zero);
        branch.Dispose();
        branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        using var licensing = await world.ClientAsync(LindungRoles.LicensingOfficer);
        var overdue = await JsonApi.GetOkAsync(branch, $"{Cases}?overdue=true");
        Assert.Contains(overdue.GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id && c.GetProperty("overdue").GetBoolean());

        await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/advance", new { stage = "warning2" });
        await AssertRefusedAsync(branch, $"{Cases}/{id}/advance", new { stage = "fine" }, "CASE_CONTRIBUTIONS_DUE");
        var fine = await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/advance", new { stage = "fine", contributions_due = 10_000_000, months = 3 });
        Assert.Equal(30_000, fine.GetProperty("amount").GetInt64()); // 0.1% × 3 months, the shipped (unconfirmed) rate

        Assert.DoesNotContain("SANCTIONED", await ReasonsAsync(licensing, "PBG-1"));
        await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/advance", new { stage = "tmp2t" });
        var refused = await CheckAsync(licensing, "PBG-2");
        Assert.Equal("TOLAK", refused.GetProperty("outcome").GetString());
        Assert.Contains("SANCTIONED", refused.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));

        await AssertRefusedAsync(branch, $"{Cases}/{id}/advance", new { stage = "referral", prosecutor_region = "35.77" }, "CASE_SKK_REQUIRED");
        await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/advance", new { stage = "referral", prosecutor_region = "35.77", skk_number = "SKK/01/2027", skk_date = "2027-01-05", state_attorney = "Rina, S.H." });

        using var prosecutor = await world.ClientAsync(LindungRoles.Prosecutor);
        using var otherProsecutor = await TestUsers.SignedInClientAsync(world.App, LindungRoles.Prosecutor, null, "35.19");
        Assert.Contains((await JsonApi.GetOkAsync(prosecutor, Cases)).GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await otherProsecutor.GetAsync(new Uri($"{Cases}/{id}", UriKind.Relative))).StatusCode);
        await JsonApi.PostOkAsync(prosecutor, $"{Cases}/{id}/actions", new { note = "Mediasi: dibayar sebagian.", amount = 5_000_000 });
        using (var forbidden = await prosecutor.PostAsJsonAsync(new Uri($"{Cases}/{id}/close", UriKind.Relative), new { outcome = "settled" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        await AssertRefusedAsync(branch, $"{Cases}/{id}/close", new { outcome = "closed" }, "CASE_NOTE_REQUIRED");
        await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/close", new { outcome = "arrears_paid", amount = 1_000_000 });
        var closed = (await JsonApi.GetOkAsync(branch, $"{Cases}/{id}")).GetProperty("case");
        Assert.Equal(6_000_000, closed.GetProperty("amount_recovered").GetInt64());
        Assert.Equal("ARREARS_PAID", closed.GetProperty("outcome").GetString());
        Assert.DoesNotContain("SANCTIONED", await ReasonsAsync(licensing, "PBG-3"));

        await AssertRefusedAsync(branch, $"{Cases}/{id}/reopen", new { reason = " " }, "CASE_NOTE_REQUIRED");
        await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/reopen", new { reason = "Cek ulang: tunggakan belum lunas." });
        Assert.Contains("SANCTIONED", await ReasonsAsync(licensing, "PBG-4"));

        var detail = await JsonApi.GetOkAsync(branch, $"{Cases}/{id}");
        Assert.Equal(["WARNING1", "WARNING2", "TMP2T_REQUEST", "SKK_COVER"], detail.GetProperty("letters").EnumerateArray().Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal(["OPENED", "ADVANCED", "ADVANCED", "ADVANCED", "ADVANCED", "ADVANCED", "PROSECUTOR_ACTION", "CLOSED", "REOPENED"], detail.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));

        branch.Dispose();
        await using var check = world.App.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<LindungDbContext>();
        var letterKeys = detail.GetProperty("letters").EnumerateArray().Select(l => l.GetProperty("id").GetGuid().ToString()).ToList();
        var letterAudit = await db.AuditEvents.Where(e => e.EntityType == nameof(EnforcementLetter) && letterKeys.Contains(e.EntityKey)).Select(e => e.After!).ToListAsync();
        Assert.Equal(4, letterAudit.Count);
        Assert.All(letterAudit, json => Assert.Contains("\"pdf\":\"sha256:", json, StringComparison.Ordinal));
        var stepKeys = detail.GetProperty("steps").EnumerateArray().Select(l => l.GetProperty("id").GetGuid().ToString()).ToList();
        Assert.Equal(9, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(EnforcementStep) && stepKeys.Contains(e.EntityKey)));
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task The_branch_opens_cases_in_bulk_from_the_employers_with_findings_and_each_refusal_is_named(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new MovableClock(new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero))));
        await LicenceCheckTests.SeedAsync(world);
        var branch = await world.ClientAsync(LindungRoles.BranchOfficer);

        var candidates = (await JsonApi.GetOkAsync(branch, "/api/v1/enforcement/candidates")).EnumerateArray().ToList();
        var firm = candidates.Single(c => c.GetProperty("npp").GetString() == "22222222");
        Assert.True(firm.GetProperty("unregistered_workers").GetInt32() > 0, firm.ToString());
        Assert.Equal(candidates.Count, candidates.DistinctBy(c => c.GetProperty("employer_id").GetGuid()).Count());
        Assert.DoesNotContain(candidates, c => c.GetProperty("employer_id").GetGuid() == world.EmployerOut.Id); // another region's

        var unknown = Guid.CreateVersion7();
        var bulk = await JsonApi.PostOkAsync(branch, Cases + "/bulk", new { employer_ids = new[] { firm.GetProperty("employer_id").GetGuid(), world.EmployerOut.Id, unknown } });
        Assert.Equal((1, 2), (bulk.GetProperty("opened").GetInt32(), bulk.GetProperty("refused").GetInt32()));
        var rows = bulk.GetProperty("rows").EnumerateArray().ToList();
        Assert.StartsWith("PK/35.77/2026/", rows[0].GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(firm.GetProperty("name").GetString(), rows[0].GetProperty("name").GetString());
        Assert.All(rows.Skip(1), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("name").ValueKind)); // outside the regions: not even its name
        Assert.Equal(["CASE_EMPLOYER_NOT_FOUND", "CASE_EMPLOYER_NOT_FOUND"], rows.Skip(1).Select(r => r.GetProperty("code").GetString()));

        // Opened, the firm leaves the candidates; sent again, it is named as already open.
        Assert.DoesNotContain((await JsonApi.GetOkAsync(branch, "/api/v1/enforcement/candidates")).EnumerateArray(), c => c.GetProperty("npp").GetString() == "22222222");
        var again = await JsonApi.PostOkAsync(branch, Cases + "/bulk", new { employer_ids = new[] { firm.GetProperty("employer_id").GetGuid() } });
        Assert.Equal("CASE_ALREADY_OPEN", again.GetProperty("rows")[0].GetProperty("code").GetString());
        await AssertRefusedAsync(branch, Cases + "/bulk", new { employer_ids = Array.Empty<Guid>() }, "CASES_NONE_CHOSEN");
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_regions_own_day_off_and_stage_window_move_its_deadlines_and_are_audited(string provider)
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero));
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(clock));
        await LicenceCheckTests.SeedAsync(world);
        var admin = new Lindung.Security.AccessScope(new HashSet<string> { LindungRoles.RegionalAdmin }, ["35.77"], null, "admin@test");
        var elsewhere = admin with { RegionCodes = ["35.19"] };
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var manage = scope.ServiceProvider.GetRequiredService<Lindung.Features.Enforcement.ManageEnforcementCalendar>();
            Assert.Equal("ENF_REGION_INVALID", (await manage.AddDayOffAsync("35.77", new DateOnly(2026, 12, 10), "Hari Jadi Kota", elsewhere, default)).Errors[0].Code);
            Assert.True((await manage.AddDayOffAsync("35.77", new DateOnly(2026, 12, 10), "Hari Jadi Kota", admin, default)).Succeeded);
            Assert.Equal("DAY_OFF_EXISTS", (await manage.AddDayOffAsync("35.77", new DateOnly(2026, 12, 25), "Natal", admin, default)).Errors[0].Code);
            Assert.Equal("STAGE_SETTING_INVALID", (await manage.SaveStageAsync("35.77", "warning1", 5, 5, null, "Perwali 1/2026", admin, default)).Errors[0].Code);
            var saved = await manage.SaveStageAsync("35.77", "warning1", 5, null, null, "Perwali 1/2026 Pasal 3", admin, default);
            Assert.True(saved.Succeeded);
            Assert.Equal(0.002m, (await manage.SaveStageAsync("35.77", "fine", null, 30, "0,002", "Perwali 1/2026 Pasal 4", admin, default)).Value.FineRatePerMonth);
        }

        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        Guid employerId;
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            employerId = await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Employers.Where(e => e.Npp == "22222222").Select(e => e.Id).SingleAsync();
        }

        using var created = await branch.PostAsJsonAsync(new Uri(Cases, UriKind.Relative), new { employer_id = employerId });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var warning = await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/advance", new { stage = "warning1" });
        // Five working days from Friday 4 December, skipping the city's own 10 December: 7, 8, 9, 11, 14.
        Assert.Equal("2026-12-14", warning.GetProperty("due_on").GetString());
        await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/advance", new { stage = "warning2" });
        var fine = await JsonApi.PostOkAsync(branch, $"{Cases}/{id}/advance", new { stage = "fine", contributions_due = 1_000_000, months = 2 });
        Assert.Equal(4_000, fine.GetProperty("amount").GetInt64());

        await using var check = world.App.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(DayOff) && e.RegionCode == "35.77"));
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(EnforcementStageSetting) && e.RegionCode == "35.77"));
    }

    private static async Task AssertRefusedAsync(HttpClient client, string path, object body, string code)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Contains(code, text, StringComparison.Ordinal);
    }

    private static Task<JsonElement> CheckAsync(HttpClient licensing, string application) =>
        JsonApi.PostOkAsync(licensing, "/api/v1/compliance/checks", new { licence_type = "PBG", identifier = "22222222", application_number = application });

    private static async Task<IReadOnlyList<string?>> ReasonsAsync(HttpClient licensing, string application) =>
        [.. (await CheckAsync(licensing, application)).GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString())];

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
