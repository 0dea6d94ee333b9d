using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.ApiKeys;
using Lindung.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lindung.Fuzz;

/// <summary>
/// What to run: how many files from which seed, on SQLite in fresh data folders or on PostgreSQL
/// (<paramref name="Db"/>); <paramref name="Verbose"/> prints a line per file. <paramref name="MaxRows"/>
/// sets <c>Imports:Limits:MaxRows</c> for both doors (the default limit when null), and the
/// too-many-rows files are made one row over it: a sample can prove the limit without reading two
/// million rows per file.
/// </summary>
internal sealed record FuzzOptions(
    int Files = 10_000, int Seed = 20261205, string? Db = null, bool Cli = true, bool Api = true, bool Verbose = false, int? MaxRows = null);

/// <summary>
/// The tally of a run. A crash is an exception that escaped the command line, an exit code it
/// does not document, a stack trace on its stderr, or a web job that failed "unexpected"; a 500
/// is any HTTP 5xx; a partial write is a registry whose row counts changed although the import
/// was refused or not committed.
/// </summary>
internal sealed record FuzzReport(
    int Files, int Runs, int Crashes, int ServerErrors, int PartialWrites, int Refused, int Imported, long PeakWorkingSetBytes,
    TimeSpan Elapsed, IReadOnlyDictionary<string, int> Codes, IReadOnlyDictionary<string, double> SecondsByMutation, IReadOnlyList<string> Failures)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"files {Files}, runs {Runs}, crashes {Crashes}, 500s {ServerErrors}, partial writes {PartialWrites}, refused {Refused}, imported {Imported}, "
        + $"peak working set {PeakWorkingSetBytes / (1024 * 1024)} MB, elapsed {Elapsed.TotalSeconds:F1} s");
}

/// <summary>
/// Runs generated files through the two doors an upload comes in by: <c>lindung import roster
/// FILE --yes</c> in process (the command line's own entry point, parse to exit code), and
/// <c>POST /api/v1/imports</c> on the real web app in memory, following each job to its end (a plan
/// is confirmed, so a file that reads commits). The registry's row counts before and after each run
/// show any write a refused file left behind. On SQLite the command line has a data folder and
/// database of its own: one SQLite file written by the web app's job worker and by the command line
/// at once answers "database is locked", which is SQLite's rule, not a finding. On PostgreSQL both
/// share the database; the runs never overlap, as each API job is followed to its end first.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>How long an API job may take before it counts as a hang (and is cancelled).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Runs the seed's files, or just <paramref name="only"/> when given (the memory probe's one file).</summary>
    public static async Task<FuzzReport> RunAsync(FuzzOptions options, TextWriter log, IEnumerable<FuzzFile>? only = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var data = Directory.CreateTempSubdirectory("lindung-fuzz-").FullName;
        var files = Path.Combine(data, "fuzz-input");
        Directory.CreateDirectory(files);
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var seconds = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var failures = new List<string>();
        int runs = 0, crashes = 0, serverErrors = 0, partial = 0, refused = 0, imported = 0;
        var maxRows = options.MaxRows ?? Features.Imports.TableLimits.Default.MaxRows;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [$"{Features.Imports.TableLimits.Section}:{nameof(Features.Imports.TableLimits.MaxRows)}"] = maxRows.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var app = LindungWebApp.Build(new LindungHostOptions(data, Urls: "http://127.0.0.1:0", Demo: false, Db: options.Db), [], builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseTestServer();
            builder.Configuration.AddConfiguration(configuration);
        });
        var cliData = Path.Combine(data, "cli");
        Directory.CreateDirectory(cliData);
        ServiceProvider? cliServices = null;
        try
        {
            await app.StartAsync(ct);
            using var client = await ClientAsync(app, ct);
            string[] global = options.Db is null ? ["--data", cliData] : ["--data", cliData, "--db", options.Db];
            Func<CancellationToken, Task<(int, int, int, int)>> cliCount = token => CountAsync(app.Services, token);
            if (options.Db is null)
            {
                cliServices = await CliDatabaseAsync(cliData, ct);
                var services = cliServices;
                cliCount = token => CountAsync(services, token);
            }
            foreach (var file in only ?? MalformedFiles.Generate(options.Seed, options.Files, maxRows))
            {
                var started = watch.Elapsed;
                var path = Path.Combine(files, file.FileName);
                await File.WriteAllBytesAsync(path, file.Content, ct);
                string cliCode = "-", apiCode = "-";
                if (options.Cli)
                {
                    runs++;
                    var before = await cliCount(ct);
                    var (outcome, code) = await CliAsync([.. global, "import", "roster", path, "--agency", MalformedFiles.AgencyCode, "--yes"], configuration, ct);
                    Tally(file, "cli", outcome, code);
                    cliCode = code;
                    if (outcome != Outcome.Imported && await cliCount(ct) != before)
                    {
                        partial++;
                        failures.Add($"{file.FileName} cli: registry changed although nothing was committed");
                    }
                }

                if (options.Api)
                {
                    runs++;
                    var before = await CountAsync(app.Services, ct);
                    var (outcome, code) = await ApiAsync(client, file, ct);
                    Tally(file, "api", outcome, code);
                    apiCode = code;
                    if (outcome != Outcome.Imported && await CountAsync(app.Services, ct) != before)
                    {
                        partial++;
                        failures.Add($"{file.FileName} api: registry changed although nothing was committed");
                    }
                }

                File.Delete(path);
                var took = (watch.Elapsed - started).TotalSeconds;
                seconds[file.Mutation] = seconds.GetValueOrDefault(file.Mutation) + took;
                if (options.Verbose)
                {
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file.Index,6} {file.Mutation,-26} {took,6:F2} s  {cliCode} | {apiCode}"));
                }

                if ((file.Index + 1) % 500 == 0)
                {
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file.Index + 1} files, {crashes} crashes, {serverErrors} 500s, {partial} partial writes"));
                }
            }
        }
        finally
        {
            if (cliServices is not null)
            {
                await cliServices.DisposeAsync();
            }

            await app.DisposeAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new FuzzReport(options.Files, runs, crashes, serverErrors, partial, refused, imported, process.PeakWorkingSet64, watch.Elapsed, codes, seconds, failures);

        void Tally(FuzzFile file, string door, Outcome outcome, string code)
        {
            codes[code] = codes.GetValueOrDefault(code) + 1;
            switch (outcome)
            {
                case Outcome.Crash:
                    crashes++;
                    failures.Add($"{file.FileName} {door}: crash: {code}");
                    break;
                case Outcome.ServerError:
                    serverErrors++;
                    failures.Add($"{file.FileName} {door}: {code}");
                    break;
                case Outcome.Imported:
                    imported++;
                    break;
                default:
                    refused++;
                    break;
            }
        }
    }

    private enum Outcome
    {
        Refused,
        Imported,
        Crash,
        ServerError,
    }

    /// <summary>The command line as a user runs it; its exit code and the code on its one-line error.</summary>
    private static async Task<(Outcome, string)> CliAsync(string[] args, IConfiguration configuration, CancellationToken ct)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int exit;
        try
        {
            exit = await LindungCli.RunAsync(args, new CliConsole(TextReader.Null, output, error, TimeProvider.System) { Configuration = configuration }, ct);
        }
#pragma warning disable CA1031 // Whatever escapes the command line is exactly what the fuzzer counts.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (Outcome.Crash, "cli:" + exception.GetType().Name + ": " + exception.Message);
        }

        var stderr = error.ToString().Trim();
        if (stderr.Contains("   at ", StringComparison.Ordinal) || exit is not (ExitCodes.Ok or ExitCodes.Rejected or ExitCodes.Usage or ExitCodes.Planned))
        {
            return (Outcome.Crash, string.Create(CultureInfo.InvariantCulture, $"cli:exit {exit}: {stderr}"));
        }

        return exit switch
        {
            ExitCodes.Ok => (Outcome.Imported, "cli:imported"),
            ExitCodes.Usage => (Outcome.Refused, "cli:" + FirstWord(stderr.Split('\n')[^1].Trim())),
            _ => (Outcome.Refused, string.Create(CultureInfo.InvariantCulture, $"cli:exit {exit}")),
        };
    }

    /// <summary>The upload API: 400 must name the file field; a job is followed (its plan confirmed) until it ends.</summary>
    private static async Task<(Outcome, string)> ApiAsync(HttpClient client, FuzzFile file, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", file.FileName);
        form.Add(new StringContent(MalformedFiles.AgencyCode), "agency");
        using var response = await client.PostAsync(new Uri("/api/v1/imports?lang=en", UriKind.Relative), form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode >= 500)
        {
            return (Outcome.ServerError, string.Create(CultureInfo.InvariantCulture, $"api:{(int)response.StatusCode} {body}"));
        }

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // A refusal names its field and code: the file's own ("file") or what the header lacks ("columns").
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("codes", out var named) && named.EnumerateObject().Any()
                ? (Outcome.Refused, "api:400 " + string.Join(' ', named.EnumerateObject().Select(c => $"{c.Name}={c.Value}")))
                : (Outcome.Crash, "api:400 without a named error: " + body);
        }

        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (Outcome.Crash, string.Create(CultureInfo.InvariantCulture, $"api:{(int)response.StatusCode} {body}"));
        }

        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        var job = await PollAsync(client, id, ct);
        if (job.ValueKind == JsonValueKind.Undefined)
        {
            return (Outcome.Crash, await CancelAsync(client, id, ct));
        }

        if (job.GetProperty("status").GetString() == "AWAITING_CONFIRMATION")
        {
            var plan = job.GetProperty("plan").GetProperty("fingerprint").GetString();
            using var confirmed = await client.PostAsJsonAsync(new Uri($"/api/v1/imports/{id}/confirm", UriKind.Relative), new { plan, force = true }, ct);
            if ((int)confirmed.StatusCode >= 500)
            {
                return (Outcome.ServerError, string.Create(CultureInfo.InvariantCulture, $"api:confirm {(int)confirmed.StatusCode}"));
            }

            job = await PollAsync(client, id, ct);
            if (job.ValueKind == JsonValueKind.Undefined)
            {
                return (Outcome.Crash, await CancelAsync(client, id, ct));
            }
        }

        var status = job.GetProperty("status").GetString();
        var code = job.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? error.GetProperty("code").GetString() : null;
        return status switch
        {
            "SUCCEEDED" => (Outcome.Imported, "api:imported"),
            "FAILED" when code is "unexpected" or null => (Outcome.Crash, "api:job failed unexpectedly"),
            "FAILED" => (Outcome.Refused, "api:job " + CodeOf(code!)),
            _ => (Outcome.Refused, "api:job " + status),
        };
    }

    /// <summary>The job once it finished or waits for confirmation; <c>default</c> when it did neither within <see cref="Patience"/>.</summary>
    private static async Task<JsonElement> PollAsync(HttpClient client, Guid id, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/imports/{id}?lang=en", UriKind.Relative), ct);
            var status = job.GetProperty("status").GetString();
            if (job.GetProperty("finished").GetBoolean() || status == "AWAITING_CONFIRMATION")
            {
                return job;
            }

            await Task.Delay(10, ct);
        }

        return default;
    }

    /// <summary>Cancels a job that hung and waits until it stopped, so the next run starts on a quiet registry.</summary>
    private static async Task<string> CancelAsync(HttpClient client, Guid id, CancellationToken ct)
    {
        using var cancelled = await client.DeleteAsync(new Uri($"/api/v1/imports/{id}", UriKind.Relative), ct);
        var stopped = await PollAsync(client, id, ct);
        return stopped.ValueKind == JsonValueKind.Undefined
            ? string.Create(CultureInfo.InvariantCulture, $"api:job still running {Patience.TotalMinutes * 2} minutes after upload")
            : string.Create(CultureInfo.InvariantCulture, $"api:job took longer than {Patience.TotalMinutes} minutes");
    }

    private static string CodeOf(string code) => code.StartsWith('{') ? JsonDocument.Parse(code).RootElement.GetProperty("Code").GetString()! : code;

    private static string FirstWord(string text) => text.Split([':', ' '], 2)[0];

    /// <summary>Rows of the registry tables an import writes.</summary>
    private static async Task<(int, int, int, int)> CountAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        return (await db.Workers.CountAsync(ct), await db.Employments.CountAsync(ct), await db.Memberships.CountAsync(ct), await db.ImportBatches.CountAsync(ct));
    }

    /// <summary>The command line's own SQLite registry, migrated, with the fuzz agency; the services count its rows.</summary>
    private static async Task<ServiceProvider> CliDatabaseAsync(string dataDirectory, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging().AddLindungDatabase(DatabaseSettings.Sqlite(dataDirectory)).BuildServiceProvider();
        try
        {
            await services.MigrateLindungDatabaseAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            db.Agencies.Add(new Agency { Code = MalformedFiles.AgencyCode, Name = "Dinas Uji", Kind = AgencyKind.Dinas, RegionCode = MalformedFiles.Region });
            await db.SaveChangesAsync(ct);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>The fuzz agency and a regional admin's API key for the uploads.</summary>
    private static async Task<HttpClient> ClientAsync(Microsoft.AspNetCore.Builder.WebApplication app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        db.Agencies.Add(new Agency { Code = MalformedFiles.AgencyCode, Name = "Dinas Uji", Kind = AgencyKind.Dinas, RegionCode = MalformedFiles.Region });
        await db.SaveChangesAsync(ct);
        var (issued, errors) = await IssueApiKey.CreateAsync(
            db, db.Agencies, allowedRegions: null, new NewApiKey("fuzz", LindungRoles.RegionalAdmin, null, MalformedFiles.Region), "fuzz", DateTime.UtcNow, ct);
        if (issued is null)
        {
            throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value.MessageEn}")));
        }

        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Key);
        return client;
    }
}
