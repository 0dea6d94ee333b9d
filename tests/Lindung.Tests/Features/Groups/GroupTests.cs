using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lindung.Data;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Groups;

/// <summary>
/// Informal workers' groups on both databases, on 4 December 2026: an agency operator creates a group
/// for its own agency (refusals named), imports its member list with the roster's checks (one bad row
/// commits nothing; valid rows only commits the rest; the same file twice changes nothing), an existing
/// member of the registry counts as enrolled, and the monthly cost to enrol the rest is priced at BPU
/// rates by payer as DOMAIN.md §3 gives it (no PP 50/2025 discount when the APBD pays).
/// </summary>
public sealed class GroupTests
{
    private const string Header = "No KTP,Nama Lengkap,Pekerjaan,Penghasilan,Sektor";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_operator_creates_a_group_imports_its_members_and_reads_the_cost_to_enrol_the_rest(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        using var operatorClient = await world.ClientAsync(LindungRoles.AgencyOperator);

        // The operator's group is its own agency's, whatever agency_id it names.
        var group = await JsonApi.PostOkAsync(operatorClient, "/api/v1/groups", new { name = "Guru Ngaji Manguharjo", kind = "guru_ngaji", agency_id = world.AgencyB.Id, village_code = ApiWorld.VillageIn, payer = "APBD" });
        var id = group.GetProperty("id").GetGuid();
        Assert.Equal(world.AgencyA.Id, group.GetProperty("agency_id").GetGuid());
        Assert.Equal("Guru ngaji", group.GetProperty("kind_name").GetString());
        await AssertRefusedAsync(operatorClient, new { name = "Guru Ngaji Manguharjo", kind = "penyanyi", village_code = "35.19.01.2001", payer = "BANK" }, "GROUP_NAME_TAKEN", "GROUP_KIND_UNKNOWN", "GROUP_VILLAGE_INVALID", "GROUP_PAYER_INVALID");

        // One bad NIK, one income below the minimum, one unknown sector, one repeated NIK: nothing committed, every row named.
        var a = Person(11);
        var b = Person(12);
        var bad = Csv(
            $"{a},Ustadz Ahmad,Guru ngaji,,lainnya",
            $"{b},Ustadzah Siti,Guru ngaji,\"2.000.000\",",
            "3577011234,Pak Salah,Guru ngaji,,",
            $"{Person(13)},Bu Kurang,Guru ngaji,500000,",
            $"{Person(14)},Mas Nelayan,Guru ngaji,,laut",
            $"{a},Ustadz Ahmad lagi,Guru ngaji,,");
        var refused = await ImportAsync(operatorClient, id, bad, HttpStatusCode.UnprocessableEntity);
        Assert.Equal((6, 4, false), (refused.GetProperty("rows_read").GetInt32(), refused.GetProperty("rows_invalid").GetInt32(), refused.GetProperty("committed").GetBoolean()));
        var issues = refused.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("column").GetString(), i.GetProperty("code").GetString())).ToList();
        Assert.Contains((4, "nik", issues.Single(i => i.Item1 == 4).Item3), issues);
        Assert.Contains((5, "penghasilan", "INCOME_BELOW_MINIMUM"), issues);
        Assert.Contains((6, "sektor", "SECTOR_UNKNOWN"), issues);
        Assert.Contains((7, "nik", "NIK_REPEATED"), issues);
        Assert.Equal(0, (await JsonApi.GetOkAsync(operatorClient, $"/api/v1/groups/{id}")).GetProperty("figures").GetProperty("members").GetInt32());

        // Valid rows only, with WorkerA (already a PU member) joining by NIK: three members, one enrolled.
        var good = Csv($"{a},Ustadz Ahmad,Guru ngaji,,lainnya", $"{b},Ustadzah Siti,Guru ngaji,\"2.000.000\",", $"{world.WorkerA.Nik},Siti Rahayu,Guru ngaji,,", "3577011234,Pak Salah,Guru ngaji,,");
        var first = await ImportAsync(operatorClient, id, good, HttpStatusCode.OK, ("valid_only", "true"));
        Assert.Equal((3, 0, 0, true), (first.GetProperty("new").GetInt32(), first.GetProperty("changed").GetInt32(), first.GetProperty("unchanged").GetInt32(), first.GetProperty("committed").GetBoolean()));
        var again = await ImportAsync(operatorClient, id, good, HttpStatusCode.OK, ("valid_only", "true"));
        Assert.Equal((0, 0, 3, false), (again.GetProperty("new").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("unchanged").GetInt32(), again.GetProperty("committed").GetBoolean()));

        // APBD pays: no discount. Ahmad at the minimum 10,000 + 6,800; Siti at Rp2,000,000 20,000 + 6,800.
        var view = await JsonApi.GetOkAsync(operatorClient, $"/api/v1/groups/{id}");
        var figures = view.GetProperty("figures");
        Assert.Equal((3, 1, 2, 16_800L + 26_800), (figures.GetProperty("members").GetInt32(), figures.GetProperty("enrolled").GetInt32(), figures.GetProperty("waiting").GetInt32(), figures.GetProperty("monthly_cost_to_enrol").GetInt64()));
        Assert.DoesNotContain(a, view.ToString(), StringComparison.Ordinal);
        Assert.Equal([false, false, true], view.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("enrolled").GetBoolean()));

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var ahmad = await db.Workers.SingleAsync(w => w.Nik == a);
        Assert.Equal((ApiWorld.VillageIn, "Ustadz Ahmad"), (ahmad.RegionCode, ahmad.Name));
        Assert.Equal(1, await db.Workers.CountAsync(w => w.Nik == world.WorkerA.Nik));

        // The same group paid by its members: December 2026 is inside the other-sector PP 50/2025 window, so half.
        (await db.WorkerGroups.SingleAsync(g => g.Id == id)).Payer = Lindung.Domain.Budget.BudgetPayer.Self;
        await db.SaveChangesAsync();
        Assert.Equal(8_400L + 13_400, (await JsonApi.GetOkAsync(operatorClient, $"/api/v1/groups/{id}")).GetProperty("figures").GetProperty("monthly_cost_to_enrol").GetInt64());
        var listed = Assert.Single((await JsonApi.GetOkAsync(operatorClient, "/api/v1/groups")).EnumerateArray(), g => g.GetProperty("id").GetGuid() == id);
        Assert.Equal(21_800L, listed.GetProperty("figures").GetProperty("monthly_cost_to_enrol").GetInt64());

        // Another agency's operator neither sees nor imports into it; the branch reads it.
        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        Assert.Equal(3, (await JsonApi.GetOkAsync(branch, $"/api/v1/groups/{id}")).GetProperty("figures").GetProperty("members").GetInt32());
    }

    private static string Person(int serial) => Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1980, 3, serial), Lindung.Domain.Identifiers.Sex.L, serial);

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static async Task AssertRefusedAsync(HttpClient client, object body, params string[] codes)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/groups", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        foreach (var code in codes)
        {
            Assert.Contains(code, text, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, Guid id, string csv, HttpStatusCode expected, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "anggota.csv");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        using var response = await client.PostAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/v1/groups/{id}/members"), UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
