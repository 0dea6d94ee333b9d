using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Villages;

/// <summary>
/// Many villages' working-age population from one file on the villages page, on both databases:
/// every wrong row named by row and column with nothing saved; a good file saved once, and the same
/// file again changes nothing; only the roles that keep villages may import.
/// </summary>
public sealed class VillagePopulationImportTests
{
    private const string Header = "Kode Desa,Jumlah Penduduk Usia Kerja,Per Tanggal\n";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_population_file_is_all_or_nothing_names_each_wrong_row_and_imports_once(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);

        var wrong = Header
            + "35.77.01.1001,1.250,2026-06-30\n"
            + "35.77.99.9999,300,\n"
            + $"{ApiWorld.VillageOut},400,\n"
            + "35.77.01.1001,500,\n"
            + "35.77.02.1001,1e3,2999-01-01\n"
            + "35.77.01.1002,-7,\n";
        var refused = await UploadAsync(admin, wrong);
        Assert.Contains("Tidak ada yang disimpan: 6 baris dibaca", refused, StringComparison.Ordinal);
        Assert.Equal(
            ["VILLAGE_UNKNOWN", "VILLAGE_NOT_FOUND", "VILLAGE_REPEATED", "POPULATION_INVALID", "POPULATION_DATE_INVALID", "POPULATION_INVALID"],
            Codes(refused));
        Assert.Contains("Desa ini sudah ada di baris 2", refused, StringComparison.Ordinal);
        Assert.Empty(await ProfilesAsync(world));

        var good = Header + "35.77.01.1001,1.250,2026-06-30\n35.77.02.1001,980,\n";
        Assert.Contains("2 baris dibaca: 2 desa diperbarui, 0 tidak berubah.", await UploadAsync(admin, good), StringComparison.Ordinal);
        Assert.Contains("2 baris dibaca: 0 desa diperbarui, 2 tidak berubah.", await UploadAsync(admin, good), StringComparison.Ordinal);
        var profiles = await ProfilesAsync(world);
        Assert.Equal(
            [("35.77.01.1001", (int?)1_250, (DateOnly?)new DateOnly(2026, 6, 30)), ("35.77.02.1001", 980, new DateOnly(2026, 12, 4))],
            profiles.Select(p => (p.VillageCode, p.WorkingAgePopulation, p.PopulationAsOf)));

        // The ranking reads the imported figure as the village's denominator.
        var ranking = await JsonApi.GetOkAsync(admin, "/api/v1/villages");
        var village = ranking.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("code").GetString() == ApiWorld.VillageIn);
        Assert.Equal(1_250, village.GetProperty("working_age_population").GetInt32());

        // A leader reads villages but keeps none: no form, and a forged post is forbidden.
        using var leader = await world.ClientAsync(LindungRoles.Leader);
        Assert.DoesNotContain("population-file", await Pages.HtmlAsync(leader, "/villages"), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Codes(string html) =>
        html.Split("data-code=\"").Skip(1).Select(part => part[..part.IndexOf('"', StringComparison.Ordinal)]);

    private static async Task<List<VillageProfile>> ProfilesAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        return await db.VillageProfiles.AsNoTracking().Where(p => p.WorkingAgePopulation != null).OrderBy(p => p.VillageCode).ToListAsync();
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        var token = await TestUsers.AntiforgeryTokenAsync(client, "/villages");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "PopulationFile", "penduduk.csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var response = await client.PostAsync(new Uri("/villages?handler=Population", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return body;
    }
}
