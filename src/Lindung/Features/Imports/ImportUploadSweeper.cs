using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Imports;

/// <summary>
/// Deletes uploaded files nobody needs any more, every <see cref="ImportOptions.UploadSweepInterval"/>:
/// the upload of a finished job (succeeded, rejected, failed, cancelled) once it finished longer than
/// <see cref="ImportOptions.UploadRetention"/> ago, and any file in the uploads folder that no job row
/// names and that is older than an hour (an upload whose request died before it became a job). The
/// job rows stay: only their files go.
/// </summary>
internal sealed partial class ImportUploadSweeper(
    IServiceScopeFactory scopes, IOptions<ImportOptions> options, LindungHostOptions host, TimeProvider clock, ILogger<ImportUploadSweeper> logger)
    : BackgroundService
{
    /// <summary>A file no job names is left alone this long: its upload may still be on its way to a job row.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    private static readonly ImportJobStatus[] Finished =
        [ImportJobStatus.Succeeded, ImportJobStatus.Rejected, ImportJobStatus.Failed, ImportJobStatus.Cancelled];

    /// <summary>One sweep; returns how many files it deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var folder = Path.Combine(host.DataDirectory, ImportFiles.UploadsFolder);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var expiredBefore = now - options.Value.UploadRetention;
        var jobs = await db.ImportJobs.AsNoTracking()
            .Select(j => new { j.StoredPath, j.Status, j.FinishedAt })
            .ToListAsync(ct);
        // A file is kept while any job naming it still needs it; one no job names is an orphan.
        var kept = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            var expired = Finished.Contains(job.Status) && job.FinishedAt is { } finished && finished < expiredBefore;
            var full = ImportFiles.Full(host.DataDirectory, job.StoredPath);
            kept[full] = kept.GetValueOrDefault(full) || !expired;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var full = Path.GetFullPath(file);
            var keep = kept.TryGetValue(full, out var needed) ? needed : File.GetLastWriteTimeUtc(full) > now - OrphanGrace;
            if (keep)
            {
                continue;
            }

            ImportFiles.TryDelete(full);
            deleted += File.Exists(full) ? 0 : 1;
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await SweepAsync(stoppingToken) is var deleted and > 0)
                    {
                        LogSwept(logger, deleted);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next sweep tries again; a file left one more interval does no harm.
                    LogFailed(logger, ex);
                }

                await Task.Delay(options.Value.UploadSweepInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import uploads: deleted {Deleted} file(s) past retention or without a job")]
    private static partial void LogSwept(ILogger logger, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import uploads: the sweep failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
