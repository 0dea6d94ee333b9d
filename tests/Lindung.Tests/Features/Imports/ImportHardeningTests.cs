using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Imports;
using Lindung.Fuzz;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// The test namespace mirrors src/Lindung/Features/Imports; "Imports" is only a keyword in VB.
#pragma warning disable CA1716
namespace Lindung.Tests.Features.Imports;
#pragma warning restore CA1716

/// <summary>
/// Files that cannot be imported, through each door: the command line exits 2 with one line
/// naming the code, the API answers a 400 problem on <c>file</c> (or fails the job with the code),
/// the web page shows the message; nothing is written and the upload does not stay on disk.
/// </summary>
public sealed class ImportHardeningTests
{
    private static readonly string[][] Roster =
    [
        ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "kode_wilayah", "instansi", "kategori", "upah"],
        [ImportCsv.NikOf(1), "Siti Rahayu", "1980-01-01", "P", "35.77.01", ImportTestDatabase.AgencyCode, "HONORER", "2500000"],
    ];

    public static TheoryData<string> CliProviders => ["sqlite", "postgres"];

    public static TheoryData<string> Providers => ApiWorld.Providers;

    /// <summary>Damaged or refused files and the code each must be refused with.</summary>
    private static IEnumerable<(string Name, byte[] Content, string Code)> BadFiles()
    {
        var workbook = TinyXlsx.Build(TinyXlsx.Parts(Roster));
        yield return ("potong.xlsx", workbook[..(workbook.Length * 2 / 3)], "TABLE_XLSX_UNREADABLE");
        yield return ("bukan-zip.xlsx", [.. "PK\u0003\u0004"u8, .. new byte[300]], "TABLE_XLSX_UNREADABLE");
        yield return ("dtd.xlsx", TinyXlsx.Build([.. TinyXlsx.Parts(Roster).Select(p => p.Name == TinyXlsx.Sheet
            ? (p.Name, (object)TinyXlsx.SheetXml(Roster, "<!DOCTYPE x [<!ENTITY e \"e\">]>")) : p)]), "TABLE_XLSX_DTD_PROHIBITED");
        yield return ("dos.csv", CodePagesEncodingProvider.Instance.GetEncoding(437)!.GetBytes("nik,nama\n1,Désirée Ñúñez\n"), "TABLE_CSV_NOT_UTF8");
    }

    [Theory]
    [MemberData(nameof(CliProviders))]
    public async Task The_command_line_refuses_a_damaged_file_with_exit_2_and_one_line(string provider)
    {
        await using var database = await ImportTestDatabase.CreateAsync(provider);
        var before = await database.FingerprintAsync();
        foreach (var (name, content, code) in BadFiles())
        {
            var path = Path.Combine(database.Directory.Path, name);
            await File.WriteAllBytesAsync(path, content);
            var run = await CliRun.ExecuteAsync([.. database.GlobalArgs, "import", "roster", "--yes", path, "--agency", ImportTestDatabase.AgencyCode]);

            Assert.True(run.ExitCode == ExitCodes.Usage, $"{name}: exit {run.ExitCode}: {run.Error}");
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => l.Contains(code, StringComparison.Ordinal));
            Assert.Contains(code + ": " + name + ": ", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, await database.FingerprintAsync());
    }

    [Fact]
    public async Task The_command_line_reads_its_limits_from_configuration()
    {
        await using var database = await ImportTestDatabase.CreateAsync("sqlite");
        var path = ImportCsv.Write(database.Directory.Path, "daftar.csv", ImportCsv.RosterHeader, [ImportCsv.RosterLine(1), ImportCsv.RosterLine(2), ImportCsv.RosterLine(3)]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Imports:Limits:MaxRows"] = "3",
        }).Build();
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var console = new CliConsole(TextReader.Null, output, error, TimeProvider.System) { Configuration = configuration };

        var exit = await LindungCli.RunAsync([.. database.GlobalArgs, "import", "roster", "--yes", path, "--agency", ImportTestDatabase.AgencyCode], console);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("TABLE_TOO_MANY_ROWS: daftar.csv: ", error.ToString().Trim().Split('\n')[^1], StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Workers.CountAsync());
    }

    [Fact]
    public async Task An_import_over_its_time_limit_fails_by_name_and_writes_nothing()
    {
        await using var database = await ImportTestDatabase.CreateAsync("sqlite");
        var path = ImportCsv.Write(database.Directory.Path, "daftar.csv", ImportCsv.RosterHeader, Enumerable.Range(1, 2000).Select(i => ImportCsv.RosterLine(i)));
        var before = await database.FingerprintAsync();
        using var scope = database.Services.CreateScope();
        var runner = new ImportRunner(
            scope.ServiceProvider.GetRequiredService<LindungDbContext>(), TimeProvider.System, scope.ServiceProvider.GetRequiredService<IAuditActor>(),
            new ImportSettings(database.Directory.Path) { Limits = new TableLimits { MaxDuration = TimeSpan.FromMilliseconds(1) } });

        var refused = await Assert.ThrowsAsync<TableFileException>(() => runner.RunAsync(
            new ImportRequest(ImportKind.Roster, path, "daftar.csv", ImportTestDatabase.AgencyCode, null, CommitMode.AllOrNothing), null, CancellationToken.None));

        Assert.Equal("IMPORT_TIME_LIMIT", refused.Error.Code);
        Assert.Equal(before, await database.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_api_refuses_a_damaged_file_with_a_400_on_file_and_deletes_the_upload(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var client = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var jobs = await JobCountAsync(world);
        foreach (var (name, content, code) in BadFiles())
        {
            using var response = await UploadAsync(client, name, content, world.AgencyA.Code);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {body}");
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(code, problem.RootElement.GetProperty("codes").GetProperty("file").GetString());
            Assert.StartsWith(name + ": ", problem.RootElement.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(world.App.DataDirectory, ImportFiles.UploadsFolder)));
            Assert.Equal(jobs, await JobCountAsync(world));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_file_refused_while_the_job_reads_it_fails_by_name_writes_nothing_and_is_deleted(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, builder => builder.Configuration["Imports:Limits:MaxCellChars"] = "100");
        using var client = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var csv = string.Join(',', Roster[0]) + "\n" + string.Join(',', Roster[1]).Replace("Siti Rahayu", new string('A', 101), StringComparison.Ordinal) + "\n";
        var workers = await WorkerCountAsync(world);

        using var response = await UploadAsync(client, "panjang.csv", Encoding.UTF8.GetBytes(csv), world.AgencyA.Code);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        var job = await ImportJobTests.PollAsync(client, id, j => j.GetProperty("finished").GetBoolean());

        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Equal("TABLE_CELL_TOO_LONG", job.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("row 2", job.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(world.App.DataDirectory, ImportFiles.UploadsFolder)));
        Assert.Equal(workers, await WorkerCountAsync(world));
    }

    [Fact]
    public async Task The_web_page_shows_why_a_damaged_file_was_refused()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite));
        using var client = await world.ClientAsync(LindungRoles.AgencyOperator);
        using var posted = await PostPageAsync(client, world, "rusak.xlsx", [.. "PK\u0003\u0004"u8, .. new byte[300]]);
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("rusak.xlsx: berkas XLSX rusak", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(world.App.DataDirectory, ImportFiles.UploadsFolder)));
    }

    [Fact]
    public async Task The_mapping_page_shows_why_a_preview_row_cannot_be_read_instead_of_failing()
    {
        await using var world = await ApiWorld.StartAsync(nameof(DatabaseProvider.Sqlite), builder => builder.Configuration["Imports:Limits:MaxColumns"] = "12");
        using var client = await world.ClientAsync(LindungRoles.AgencyOperator);
        var csv = ImportCsv.RosterHeader.Replace("nik,", "NOMOR INDUK,", StringComparison.Ordinal) + "\n" + ImportCsv.RosterLine(1) + "\n" + new string(',', 30) + "\n";
        using var posted = await PostPageAsync(client, world, "lebar.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        using var mapping = await client.GetAsync(posted.Headers.Location);
        var html = WebUtility.HtmlDecode(await mapping.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, mapping.StatusCode);
        Assert.Contains("lebar.csv: baris 3 memiliki sel di luar kolom ke-12", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Picks[nik]\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sweeper_deletes_uploads_of_jobs_finished_longer_ago_than_the_retention_and_old_orphans()
    {
        await using var app = await LindungAppFactory.StartTestServerAsync(builder => builder.Configuration["Imports:UploadRetention"] = "2.00:00:00");
        var uploads = Path.Combine(app.DataDirectory, ImportFiles.UploadsFolder);
        Directory.CreateDirectory(uploads);
        var now = DateTime.UtcNow;
        var jobs = new (string File, ImportJobStatus Status, DateTime? FinishedAt)[]
        {
            ("old-done.csv", ImportJobStatus.Succeeded, now.AddDays(-3)),
            ("old-failed.csv", ImportJobStatus.Failed, now.AddDays(-3)),
            ("recent-done.csv", ImportJobStatus.Succeeded, now.AddDays(-1)),
            ("old-queued.csv", ImportJobStatus.Queued, null),
            ("old-waiting.csv", ImportJobStatus.AwaitingConfirmation, now.AddDays(-10)),
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            foreach (var (file, status, finishedAt) in jobs)
            {
                await File.WriteAllTextAsync(Path.Combine(uploads, file), "nik\n");
                db.ImportJobs.Add(new ImportJob
                {
                    Kind = ImportKind.Members,
                    OriginalFileName = file,
                    StoredPath = ImportFiles.UploadsFolder + "/" + file,
                    Status = status,
                    CreatedAt = now.AddDays(-10),
                    FinishedAt = finishedAt,
                    CreatedBy = "sweeper-test@test.lindung.id",
                    RegionCode = "35.77",
                });
            }

            await db.SaveChangesAsync();
        }

        foreach (var (orphan, age) in new[] { ("orphan-old.csv", TimeSpan.FromHours(2)), ("orphan-new.csv", TimeSpan.FromMinutes(5)) })
        {
            var path = Path.Combine(uploads, orphan);
            await File.WriteAllTextAsync(path, "nik\n");
            File.SetLastWriteTimeUtc(path, now - age);
        }

        var deleted = await app.Services.GetRequiredService<ImportUploadSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(
            ["old-queued.csv", "old-waiting.csv", "orphan-new.csv", "recent-done.csv"],
            Directory.EnumerateFiles(uploads).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The hosted sweeper's own first pass may have taken some already.
        Assert.InRange(deleted, 1, 3);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(5, await check.ServiceProvider.GetRequiredService<LindungDbContext>().ImportJobs.CountAsync(j => j.CreatedBy == "sweeper-test@test.lindung.id"));
    }

    /// <summary>The import page's upload form, as a browser posts it.</summary>
    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, ApiWorld world, string name, byte[] content)
    {
        var token = await TestUsers.AntiforgeryTokenAsync(client, "/imports");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("ROSTER"), "Input.Kind" },
            { new StringContent(world.AgencyA.Id.ToString()), "Input.Agency" },
            { new StringContent("ALL_OR_NOTHING"), "Input.Mode" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", name);
        return await client.PostAsync(new Uri("/imports", UriKind.Relative), form);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] content, string agency)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        form.Add(new StringContent(agency), "agency");
        return await client.PostAsync(new Uri("/api/v1/imports?lang=id", UriKind.Relative), form);
    }

    private static async Task<int> JobCountAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LindungDbContext>().ImportJobs.CountAsync();
    }

    private static async Task<int> WorkerCountAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LindungDbContext>().Workers.CountAsync();
    }
}
