using Lindung.Data;

namespace Lindung.Features.Dashboard;

/// <summary>
/// Keeps the snapshots current without anyone remembering to: once a day it refreshes this month
/// and closes last month if nobody has, so month-end figures exist even in a quiet month. The first
/// run waits a while after start, so a starting server (or a test) is not slowed by it.
/// </summary>
internal sealed partial class SnapshotService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SnapshotService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRun;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = Interval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                foreach (var taken in await CoverageSnapshots.RefreshAsync(db, clock, stoppingToken))
                {
                    LogTaken(logger, taken.Month, taken.Rows, taken.Written);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried tomorrow; the pages fall back to live figures meanwhile.
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Coverage snapshot {Month}: {Rows} rows, written {Written}")]
    private static partial void LogTaken(ILogger logger, DateOnly month, int rows, bool written);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coverage snapshot failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
