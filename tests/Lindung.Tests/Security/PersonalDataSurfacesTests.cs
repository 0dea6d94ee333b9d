using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lindung.Data;
using Lindung.Tests.Features.Reconciliation;
using Lindung.Tests.Infrastructure;
using Pages = Lindung.Tests.Infrastructure.Pages;

namespace Lindung.Tests.Security;

/// <summary>
/// docs/PRIVACY.md on the surfaces themselves: the gap list (page, API, CSV, XLSX) and the review
/// queue (page, API), per role, on SQLite and PostgreSQL.
/// </summary>
public sealed class PersonalDataSurfacesTests
{
    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task A_leader_gets_gap_counts_and_totals_without_names_NIKs_KPJs_or_wages_from_page_API_and_exports(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await ReviewQueueTests.StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        using var leader = await TestUsers.SignedInClientAsync(world.App, LindungRoles.Leader, null, ReconcileWorld.Region);
        var gaps = $"/reconciliation/gaps/{world.AgencyA.Id}";

        var api = await ReviewQueueTests.GetJsonAsync(leader, $"/api/v1/reconciliation/gaps/{world.AgencyA.Id}");
        Assert.True(api.GetProperty("personal_data_withheld").GetBoolean());
        Assert.Empty(api.GetProperty("workers").EnumerateArray());
        Assert.Equal(4, api.GetProperty("totals").EnumerateArray().Sum(t => t.GetProperty("workers").GetInt32()));
        Assert.True(api.GetProperty("monthly_contribution_total").GetInt64() > 0);
        AssertNoPersonalData(world, api.GetRawText());

        var page = await Pages.HtmlAsync(leader, gaps);
        Assert.Contains("id=\"gaps-withheld\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"gap-lines\"", page, StringComparison.Ordinal);
        AssertNoPersonalData(world, page);
        var oneGap = await ReviewQueueTests.GetJsonAsync(leader, $"/api/v1/reconciliation/gaps/{world.AgencyA.Id}?pageSize=200&gap=NOT_REGISTERED");
        Assert.Empty(oneGap.GetProperty("workers").EnumerateArray());
        Assert.Equal(1, oneGap.GetProperty("total").GetInt32());

        var csv = await CsvAsync(leader, gaps);
        Assert.Equal("instansi,kesenjangan,jumlah_pekerja,iuran_bulanan", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("Dinas Pendidikan,NOT_REGISTERED,1,", StringComparison.Ordinal));
        Assert.StartsWith("TOTAL,,4,", csv[^1], StringComparison.Ordinal);
        AssertNoPersonalData(world, string.Join('\n', csv));

        var sheets = await XlsxAsync(leader, gaps);
        Assert.Equal(["Ringkasan"], sheets.Keys);
        AssertNoPersonalData(world, string.Join('\n', sheets.Values.SelectMany(s => s).Select(r => string.Join(',', r))));

        // The same list for an administering role still names the workers: the withholding is the leader's.
        var adminApi = await ReviewQueueTests.GetJsonAsync(admin, $"/api/v1/reconciliation/gaps/{world.AgencyA.Id}");
        Assert.False(adminApi.GetProperty("personal_data_withheld").GetBoolean());
        Assert.Contains(world.Budi.Nik, adminApi.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(ReconcileWorld.SitiKpj, adminApi.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(world.Budi.Nik, string.Join('\n', await CsvAsync(admin, gaps)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task A_leader_reads_the_review_queue_as_evidence_without_names_NIKs_KPJs_birth_dates_or_sex(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await ReviewQueueTests.StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        using var leader = await TestUsers.SignedInClientAsync(world.App, LindungRoles.Leader, null, ReconcileWorld.Region);

        var api = await ReviewQueueTests.GetJsonAsync(leader, "/api/v1/reconciliation/reviews");
        var items = api.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            AssertWithheld(item.GetProperty("roster"));
            foreach (var candidate in item.GetProperty("candidates").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.Null, candidate.GetProperty("kpj").ValueKind);
                AssertWithheld(candidate.GetProperty("member"));
                Assert.Equal("EXACT", candidate.GetProperty("birth_date").GetString());   // the evidence stays
            }
        }

        AssertNoPersonalData(world, api.GetRawText());
        Assert.DoesNotContain(ReconcileWorld.RinaKpj1, api.GetRawText(), StringComparison.Ordinal);

        var page = await Pages.HtmlAsync(leader, "/reconciliation/review");
        Assert.Contains("id=\"review-withheld\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rina Wati", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Eko Prasetyo", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Lindung.Domain.Identifiers.Nik.Mask(world.RinaTwin1.Nik), page, StringComparison.Ordinal);
        Assert.DoesNotContain(ReconcileWorld.RinaKpj1, page, StringComparison.Ordinal);
        Assert.DoesNotContain("1993", page, StringComparison.Ordinal);   // Rina's birth year
        Assert.DoesNotContain("Perempuan", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Wherever_the_review_API_shows_a_birth_date_or_sex_it_shows_the_full_NIK_beside_it(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await ReviewQueueTests.StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        var callers = new[]
        {
            admin,
            await TestUsers.SignedInClientAsync(world.App, LindungRoles.BranchOfficer, null, ReconcileWorld.Region),
            await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, world.AgencyA.Code),
            await TestUsers.SignedInClientAsync(world.App, LindungRoles.Leader, null, ReconcileWorld.Region),
        };

        var withBirthDates = 0;
        foreach (var caller in callers)
        {
            var items = (await ReviewQueueTests.GetJsonAsync(caller, "/api/v1/reconciliation/reviews")).GetProperty("items").EnumerateArray();
            foreach (var person in items.SelectMany(i => i.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("member")).Prepend(i.GetProperty("roster"))))
            {
                var nik = person.GetProperty("nik");
                var full = nik.ValueKind == JsonValueKind.String && nik.GetString()!.All(char.IsAsciiDigit);
                if (!full)
                {
                    Assert.Equal(JsonValueKind.Null, person.GetProperty("birth_date").ValueKind);
                    Assert.Equal(JsonValueKind.Null, person.GetProperty("sex").ValueKind);
                }
                else if (person.GetProperty("birth_date").ValueKind == JsonValueKind.String)
                {
                    withBirthDates++;
                }
            }
        }

        Assert.True(withBirthDates > 0, "the administering roles compare birth dates beside full NIKs");
        foreach (var caller in callers.Skip(1))
        {
            caller.Dispose();
        }
    }

    private static void AssertWithheld(JsonElement person)
    {
        foreach (var field in new[] { "name", "nik", "birth_date", "sex" })
        {
            Assert.Equal(JsonValueKind.Null, person.GetProperty(field).ValueKind);
        }
    }

    /// <summary>No name, NIK (whole or masked), KPJ or roster wage of any worker in the world.</summary>
    private static void AssertNoPersonalData(ReconcileWorld world, string text)
    {
        var workers = new[] { world.Siti, world.Dewi, world.Yusuf, world.Eko, world.Budi, world.Agus, world.Rina, world.RinaTwin1, world.EkoTwin1 };
        foreach (var w in workers)
        {
            Assert.DoesNotContain(w.Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(w.Nik, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Lindung.Domain.Identifiers.Nik.Mask(w.Nik), text, StringComparison.Ordinal);
        }

        foreach (var kpj in new[] { ReconcileWorld.SitiKpj, ReconcileWorld.DewiKpj, ReconcileWorld.AgusKpj, ReconcileWorld.RinaKpj1, ReconcileWorld.EkoKpj1 })
        {
            Assert.DoesNotContain(kpj, text, StringComparison.Ordinal);
        }

        foreach (var wage in new[] { ReconcileWorld.SitiWage, ReconcileWorld.SitiReported, ReconcileWorld.DewiWage, ReconcileWorld.BudiWage, ReconcileWorld.AgusWage })
        {
            Assert.DoesNotContain(wage.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            Assert.DoesNotContain(wage.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID")), text, StringComparison.Ordinal);
        }
    }

    private static async Task<string[]> CsvAsync(HttpClient client, string gaps)
    {
        using var response = await client.GetAsync(new Uri($"{gaps}?handler=export&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<Dictionary<string, List<string[]>>> XlsxAsync(HttpClient client, string gaps)
    {
        using var response = await client.GetAsync(new Uri($"{gaps}?handler=export&format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            result[sheet.Name!] = [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>()
                .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToArray())];
        }

        return result;
    }
}
