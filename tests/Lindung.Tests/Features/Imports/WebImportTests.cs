using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Lindung.Data;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Imports;

/// <summary>Web imports end to end with the real import runner, on SQLite and PostgreSQL.</summary>
public sealed partial class WebImportTests
{
    public static TheoryData<string> Providers => ApiWorld.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_api_roster_upload_is_imported_in_the_background(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var client = await world.ClientAsync(LindungRoles.AgencyOperator);
        var csv = Roster(header => header.Replace("nik,", "NO INDUK,", StringComparison.Ordinal), 1, 2, 3);

        using var response = await ImportJobTests.UploadAsync(client, "daftar.csv", csv, ("columns[nik]", "NO INDUK"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();

        var job = await ImportJobTests.ConfirmAsync(client, id);
        Assert.True(job.GetProperty("status").GetString() == "SUCCEEDED", job.ToString());
        Assert.Equal(3, job.GetProperty("result").GetProperty("inserted").GetInt32());
        Assert.Equal(100, job.GetProperty("percent").GetInt32());
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(3, await db.Employments.CountAsync(e => e.AgencyId == world.AgencyA.Id && e.Worker!.Name.StartsWith("Pekerja")));
        Assert.Equal(HttpStatusCode.OK, await Pages.StatusAsync(client, $"/api/v1/imports/{id}/report.csv"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_invalid_row_rejects_an_all_or_nothing_upload_and_saves_nothing(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var client = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var csv = Roster(header => header, 1, 2).Replace(",2500000,", ",0,", StringComparison.Ordinal);

        using var response = await ImportJobTests.UploadAsync(client, "daftar.csv", csv, ("agency", world.AgencyA.Code));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var job = await ImportJobTests.PollAsync(client, id, j => j.GetProperty("finished").GetBoolean());
        Assert.True(job.GetProperty("status").GetString() == "REJECTED", job.ToString());
        Assert.False(job.GetProperty("result").GetProperty("committed").GetBoolean());
        var issue = job.GetProperty("first_issues")[0];
        Assert.Equal(2, issue.GetProperty("row").GetInt32());
        Assert.Equal("upah", issue.GetProperty("column").GetString());
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(0, await db.Workers.CountAsync(w => w.Name.StartsWith("Pekerja")));
        using var report = await client.GetAsync(new Uri($"/api/v1/imports/{id}/report.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("upah", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_page_parks_an_unknown_header_for_mapping_then_imports_it(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var client = await world.ClientAsync(LindungRoles.AgencyOperator);
        var csv = Roster(header => header.Replace("nik,", "NOMOR INDUK,", StringComparison.Ordinal), 4, 5);

        var token = await TestUsers.AntiforgeryTokenAsync(client, "/imports");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("ROSTER"), "Input.Kind" },
            { new StringContent(world.AgencyA.Id.ToString()), "Input.Agency" },
            { new StringContent("ALL_OR_NOTHING"), "Input.Mode" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "daftar pegawai.csv");
        using var posted = await client.PostAsync(new Uri("/imports", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var mapping = posted.Headers.Location!.OriginalString;
        Assert.Matches(MappingPath(), mapping);

        var html = await Pages.HtmlAsync(client, mapping);
        Assert.Contains("name=\"Picks[nik]\"", html, StringComparison.Ordinal);
        Assert.Contains("NOMOR INDUK", html, StringComparison.Ordinal);
        Assert.Contains("Pekerja 5", html, StringComparison.Ordinal); // the preview
        Assert.Contains("AWAITING_MAPPING", await Pages.HtmlAsync(client, mapping.Replace("/mapping", string.Empty, StringComparison.Ordinal)), StringComparison.Ordinal);

        using var wrong = await Pages.PostFormAsync(client, mapping, new Dictionary<string, string> { ["Picks[nik]"] = "NO SUCH" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Setiap kolom wajib", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var mapped = await Pages.PostFormAsync(client, mapping, new Dictionary<string, string> { ["Picks[nik]"] = "NOMOR INDUK" });
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        var jobPath = mapped.Headers.Location!.OriginalString;
        var id = Guid.Parse(jobPath["/imports/".Length..]);
        var job = await ImportJobTests.ConfirmAsync(client, id);
        Assert.True(job.GetProperty("status").GetString() == "SUCCEEDED", job.ToString());

        var page = await Pages.HtmlAsync(client, jobPath);
        Assert.Contains("Berhasil", page, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/imports/{id}/report.csv", page, StringComparison.Ordinal);
        Assert.Contains("daftar pegawai.csv", await Pages.HtmlAsync(client, "/imports"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_web_import_records_the_uploader_on_its_batch_and_audit_events(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var email = await TestUsers.CreateAsync(world.App.Services, LindungRoles.RegionalAdmin, null, ApiWorld.Region);
        using var client = world.App.CreateClient();
        using (var signIn = await TestUsers.SignInAsync(client, email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var response = await ImportJobTests.UploadAsync(client, "daftar.csv", Roster(header => header, 6, 7), ("agency", world.AgencyA.Code));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var job = await ImportJobTests.ConfirmAsync(client, id);
        Assert.True(job.GetProperty("status").GetString() == "SUCCEEDED", job.ToString());

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var batchId = await db.ImportJobs.Where(j => j.Id == id).Select(j => j.BatchId).SingleAsync();
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == batchId);
        Assert.Equal(email, batch.ImportedBy);
        var batchAudit = await db.AuditEvents.SingleAsync(e => e.EntityType == "ImportBatch" && e.EntityKey == batch.Id.ToString());
        Assert.Equal(email, batchAudit.Actor);
        var jobAudits = await db.AuditEvents.Where(e => e.EntityType == "ImportJob" && e.EntityKey == id.ToString()).Select(e => e.Actor).ToListAsync();
        Assert.True(jobAudits.Count >= 2, string.Join(", ", jobAudits)); // created on upload, finished by the worker
        Assert.All(jobAudits, actor => Assert.Equal(email, actor));
    }

    /// <summary>A roster of agency A (code OPD-A) with valid rows for the given serials.</summary>
    internal static string Roster(Func<string, string> header, params int[] serials) =>
        string.Join('\n', [header(ImportCsv.RosterHeader), .. serials.Select(s => ImportCsv.RosterLine(s, agency: "OPD-A"))]) + "\n";

    [GeneratedRegex("^/imports/[0-9a-f-]{36}/mapping$")]
    private static partial Regex MappingPath();
}
