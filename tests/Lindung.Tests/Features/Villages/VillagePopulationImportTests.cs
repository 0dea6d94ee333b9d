using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Cli;
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

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task The_api_and_the_command_line_import_the_same_file_with_the_same_refusals(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);

        var refused = await PostAsync(admin, Header + "35.77.01.1001,700,2026-06-30\n35.77.01.1001,0x10,\n", HttpStatusCode.UnprocessableEntity);
        Assert.False(refused.GetProperty("committed").GetBoolean());
        var issue = refused.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("code").GetString())).ToList();
        Assert.Equal([(3, "VILLAGE_REPEATED"), (3, "POPULATION_INVALID")], issue);
        Assert.Empty(await ProfilesAsync(world));

        var good = Header + "35.77.01.1001,700,2026-06-30\n";
        var saved = await PostAsync(admin, good, HttpStatusCode.OK);
        Assert.Equal((1, 1, 0), (saved.GetProperty("rows_read").GetInt32(), saved.GetProperty("changed").GetInt32(), saved.GetProperty("unchanged").GetInt32()));
        Assert.Equal(1, (await PostAsync(admin, good, HttpStatusCode.OK)).GetProperty("unchanged").GetInt32());

        using (var noFile = new MultipartFormDataContent { { new StringContent("x"), "sheet" } })
        {
            using var response = await admin.PostAsync(new Uri("/api/v1/villages/population", UriKind.Relative), noFile);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("file_required", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        // A leader reads villages but keeps none.
        using var leader = await world.ClientAsync(LindungRoles.Leader);
        await PostAsync(leader, good, HttpStatusCode.Forbidden);

        // The command line: the same refusals by row, exit 1 and nothing saved; then a new figure saved, exit 0.
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "penduduk.csv");
        await File.WriteAllTextAsync(path, Header + "35.77.01.1001,800,2026-07-31\n35.77.99.9999,5,\n");
        var run = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "villages", "population", path]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Nothing saved: rows read 2", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 3, kode_desa, VILLAGE_UNKNOWN", run.Out, StringComparison.Ordinal);
        Assert.Equal(700, (await ProfilesAsync(world)).Single().WorkingAgePopulation);

        await File.WriteAllTextAsync(path, Header + "35.77.01.1001,800,2026-07-31\n");
        run = await CliRun.ExecuteAsync([.. world.DatabaseArgs, "villages", "population", path]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Saved: rows read 1, villages changed 1, unchanged 0.", run.Out, StringComparison.Ordinal);
        Assert.Equal(800, (await ProfilesAsync(world)).Single().WorkingAgePopulation);

        await File.WriteAllTextAsync(path, "kode,jumlah\n1,2\n");
        Assert.Equal(2, (await CliRun.ExecuteAsync([.. world.DatabaseArgs, "villages", "population", path])).ExitCode);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string csv, HttpStatusCode expected)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "penduduk.csv");
        using var response = await client.PostAsync(new Uri("/api/v1/villages/population", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
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
