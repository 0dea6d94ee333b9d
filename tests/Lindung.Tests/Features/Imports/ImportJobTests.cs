using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Imports;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lindung.Tests.Features.Imports;

/// <summary>
/// The job mechanics on SQLite and PostgreSQL, with <see cref="SignalledRunner"/> standing in for the
/// import: upload → 202 → queued → running with persisted progress → finished; cancel; restart
/// recovery; scope isolation.
/// </summary>
public sealed class ImportJobTests
{
    public const string RosterHeader = "NIK,Nama,Tgl Lahir,JK,Kode Wilayah,OPD,Status Pegawai,Gaji";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Providers => ApiWorld.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upload_returns_202_progress_is_persisted_and_the_job_completes(string provider)
    {
        var runner = new SignalledRunner();
        await using var world = await StartAsync(provider, runner);
        using var client = await world.ClientAsync(LindungRoles.AgencyOperator);

        using var response = await UploadAsync(client, "daftar.csv", RosterHeader + "\n1,2,3,4,5,6,7,8\n");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/imports/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("ROSTER", created.GetProperty("kind").GetString());

        var request = await runner.Started.WaitAsync(Patience);
        Assert.Equal(world.AgencyA.Code, request.AgencyCode);
        Assert.Equal(CommitMode.AllOrNothing, request.Mode);
        Assert.StartsWith(Path.Combine(world.App.DataDirectory, "uploads"), request.FilePath, StringComparison.Ordinal);

        var running = await PollAsync(client, id, j => j.GetProperty("rows_read").GetInt64() == 1234);
        Assert.Equal("RUNNING", running.GetProperty("status").GetString());
        Assert.Equal("reading", running.GetProperty("phase").GetString());
        Assert.InRange(running.GetProperty("percent").GetInt32(), 45, 50); // Half the bytes, rounded down.
        Assert.False(running.GetProperty("finished").GetBoolean());

        runner.Release();
        var done = await PollAsync(client, id, j => j.GetProperty("finished").GetBoolean());
        Assert.Equal("SUCCEEDED", done.GetProperty("status").GetString());
        Assert.Equal(1500, done.GetProperty("result").GetProperty("inserted").GetInt32());
        Assert.Equal("The NIK is invalid.", done.GetProperty("first_issues")[0].GetProperty("message").GetString());

        using var report = await client.GetAsync(new Uri($"/api/v1/imports/{id}/report.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("nik_checksum", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noXlsx = await client.GetAsync(new Uri($"/api/v1/imports/{id}/report.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, noXlsx.StatusCode);

        using var english = await client.GetAsync(new Uri($"/api/v1/imports/{id}?lang=id", UriKind.Relative));
        var indonesian = await english.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NIK tidak valid.", indonesian.GetProperty("first_issues")[0].GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cancelling_a_running_job_stops_the_runner_and_ends_cancelled(string provider)
    {
        var runner = new SignalledRunner();
        await using var world = await StartAsync(provider, runner);
        using var client = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var id = await UploadIdAsync(client, "daftar.csv", RosterHeader + "\n", ("agency", world.AgencyB.Code));
        await runner.Started.WaitAsync(Patience);

        using var cancel = await client.DeleteAsync(new Uri($"/api/v1/imports/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var job = await PollAsync(client, id, j => j.GetProperty("finished").GetBoolean());
        Assert.Equal("CANCELLED", job.GetProperty("status").GetString());
        Assert.True(runner.SawCancellation);
        Assert.False(runner.Committed);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);

        using var again = await client.DeleteAsync(new Uri($"/api/v1/imports/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cancelling_a_queued_job_means_it_never_runs(string provider)
    {
        var runner = new SignalledRunner();
        await using var world = await StartAsync(provider, runner);
        using var client = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var first = await UploadIdAsync(client, "satu.csv", RosterHeader + "\n", ("agency", world.AgencyA.Code));
        await runner.Started.WaitAsync(Patience);
        var second = await UploadIdAsync(client, "dua.csv", RosterHeader + "\n", ("agency", world.AgencyA.Code));

        using var cancel = await client.DeleteAsync(new Uri($"/api/v1/imports/{second}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        runner.Release();
        await PollAsync(client, first, j => j.GetProperty("finished").GetBoolean());
        var job = await PollAsync(client, second, j => j.GetProperty("finished").GetBoolean());
        Assert.Equal("CANCELLED", job.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("started_at").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_restart_marks_running_jobs_failed_and_runs_queued_ones(string provider)
    {
        var runner = new SignalledRunner { Blocks = false };
        await using var world = await StartAsync(provider, runner);
        var upload = Path.Combine(world.App.DataDirectory, "uploads", "left.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
        await File.WriteAllTextAsync(upload, RosterHeader + "\n");
        var uploader = await TestUsers.CreateAsync(world.App.Services, LindungRoles.RegionalAdmin, null, ApiWorld.Region);
        var interrupted = NewJob(world, ImportJobStatus.Running, uploader);
        var waiting = NewJob(world, ImportJobStatus.Queued, uploader);
        var orphan = NewJob(world, ImportJobStatus.Queued, "deleted-user@test.lindung.id");
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            db.AddRange(interrupted, waiting, orphan);
            await db.SaveChangesAsync();
        }

        // A second worker starting is what a restarted process does first.
        using var restarted = ActivatorUtilities.CreateInstance<ImportJobWorker>(
            world.App.Services, NullLogger<ImportJobWorker>.Instance);
        await restarted.StartAsync(CancellationToken.None);
        try
        {
            using var client = await world.ClientAsync(LindungRoles.RegionalAdmin);
            var failed = await PollAsync(client, interrupted.Id, j => j.GetProperty("finished").GetBoolean());
            Assert.Equal("FAILED", failed.GetProperty("status").GetString());
            Assert.Equal("interrupted", failed.GetProperty("error").GetProperty("code").GetString());
            var ran = await PollAsync(client, waiting.Id, j => j.GetProperty("finished").GetBoolean());
            Assert.Equal("SUCCEEDED", ran.GetProperty("status").GetString());

            // A job whose uploader is gone has no scope to write with: it fails, nothing run.
            var gone = await PollAsync(client, orphan.Id, j => j.GetProperty("finished").GetBoolean());
            Assert.Equal("FAILED", gone.GetProperty("status").GetString());
            Assert.Equal("uploader_gone", gone.GetProperty("error").GetProperty("code").GetString());
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_operator_cannot_see_or_cancel_another_agencys_job(string provider)
    {
        var runner = new SignalledRunner();
        await using var world = await StartAsync(provider, runner);
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var other = await UploadIdAsync(admin, "rsud.csv", RosterHeader + "\n", ("agency", world.AgencyB.Code));
        using var operatorA = await world.ClientAsync(LindungRoles.AgencyOperator);
        var (keyClient, _) = await world.KeyClientAsync(LindungRoles.AgencyOperator, world.AgencyA.Code);
        using var _key = keyClient;

        foreach (var client in new[] { operatorA, keyClient })
        {
            Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(client, $"/api/v1/imports/{other}"));
            Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(client, $"/api/v1/imports/{other}/report.csv"));
            using var cancel = await client.DeleteAsync(new Uri($"/api/v1/imports/{other}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
            var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/imports", UriKind.Relative));
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetGuid() == other);
        }

        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(operatorA, $"/imports/{other}"));
        using var foreign = await UploadAsync(operatorA, "rsud.csv", RosterHeader + "\n", ("agency", world.AgencyB.Code));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("agency_unknown", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var members = await UploadAsync(operatorA, "bpjs.csv", "KPJ\n", ("kind", "MEMBERS"));
        Assert.Contains("kind_forbidden", await members.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        runner.Release();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_api_upload_with_an_unknown_header_names_the_missing_column_and_accepts_a_mapping(string provider)
    {
        var runner = new SignalledRunner { Blocks = false };
        await using var world = await StartAsync(provider, runner);
        using var client = await world.ClientAsync(LindungRoles.AgencyOperator);
        var header = RosterHeader.Replace("NIK,", "NO INDUK,", StringComparison.Ordinal);

        using var refused = await UploadAsync(client, "daftar.csv", header + "\n", ("lang", "en"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("columns_missing", problem, StringComparison.Ordinal);
        Assert.Contains("nik", problem, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(world.App.DataDirectory, "uploads")));

        using var tooBig = await UploadAsync(client, "daftar.txt", header + "\n");
        Assert.Contains("file_type", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var mapped = await UploadAsync(client, "daftar.csv", header + "\n", ("columns[nik]", "NO INDUK"), ("mode", "VALID_ROWS_ONLY"));
        Assert.Equal(HttpStatusCode.Accepted, mapped.StatusCode);
        var request = await runner.Started.WaitAsync(Patience);
        Assert.Equal("NO INDUK", request.ColumnOverrides!["nik"]);
        Assert.Equal(CommitMode.ValidRowsOnly, request.Mode);
    }

    internal static Task<ApiWorld> StartAsync(string provider, IImportRunner runner) =>
        ApiWorld.StartAsync(provider, builder => builder.Services.AddSingleton(runner));

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string content, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        var lang = "id";
        foreach (var (name, value) in fields)
        {
            if (name == "lang")
            {
                lang = value;
                continue;
            }

            form.Add(new StringContent(value), name);
        }

        return await client.PostAsync(new Uri($"/api/v1/imports?lang={lang}", UriKind.Relative), form);
    }

    private static async Task<Guid> UploadIdAsync(HttpClient client, string fileName, string content, params (string Name, string Value)[] fields)
    {
        using var response = await UploadAsync(client, fileName, content, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Reads the job's status endpoint until the condition holds.</summary>
    /// <summary>Waits for the job's plan, confirms it as shown (no force) and waits for the job to finish again.</summary>
    internal static async Task<JsonElement> ConfirmAsync(HttpClient client, Guid id)
    {
        var planned = await PollAsync(client, id, j => j.GetProperty("finished").GetBoolean());
        if (planned.GetProperty("status").GetString() != "AWAITING_CONFIRMATION")
        {
            return planned;
        }

        var fingerprint = planned.GetProperty("plan").GetProperty("fingerprint").GetString();
        using var confirmed = await client.PostAsJsonAsync(new Uri($"/api/v1/imports/{id}/confirm", UriKind.Relative), new { plan = fingerprint });
        Assert.True(confirmed.StatusCode == HttpStatusCode.Accepted, await confirmed.Content.ReadAsStringAsync());
        return await PollAsync(client, id, j => j.GetProperty("finished").GetBoolean() && j.GetProperty("status").GetString() != "AWAITING_CONFIRMATION");
    }

    internal static async Task<JsonElement> PollAsync(HttpClient client, Guid id, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonElement job;
        do
        {
            job = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/imports/{id}?lang=en", UriKind.Relative));
            if (until(job))
            {
                return job;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Job {id} never reached the expected state; last: {job}");
        return job;
    }

    private static ImportJob NewJob(ApiWorld world, ImportJobStatus status, string createdBy) => new()
    {
        Kind = ImportKind.Roster,
        AgencyId = world.AgencyA.Id,
        OriginalFileName = "left.csv",
        StoredPath = "uploads/left.csv",
        Status = status,
        CreatedAt = DateTime.UtcNow,
        CreatedBy = createdBy,
        RegionCode = ApiWorld.Region,
    };
}
