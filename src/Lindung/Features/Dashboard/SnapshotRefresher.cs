using System.Threading.Channels;
using Lindung.Data;
using Lindung.Features.Shared;

namespace Lindung.Features.Dashboard;

/// <summary>
/// Keeps the current month's snapshot fresh after registry edits: an edit marks it dirty, and the
/// month is recomputed once the edits have been quiet for <see cref="Debounce"/> (a burst of a
/// hundred saves costs one refresh, not a hundred). Imports and reconciliations call
/// <see cref="RefreshNowAsync"/> themselves so their figures show as soon as they finish.
/// </summary>
internal sealed partial class SnapshotRefresher(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SnapshotRefresher> logger)
    : BackgroundService, IRegistryChangeSink
{
    public const string DebounceSetting = "Lindung:SnapshotDebounceSeconds";

    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public TimeSpan Debounce { get; } = TimeSpan.FromSeconds(configuration.GetValue(DebounceSetting, 5.0));

    public void RegistryChanged() => _dirty.Writer.TryWrite(true);

    /// <summary>Recomputes the current month now. A failure is logged, not thrown: the import or run it follows has already committed.</summary>
    public async Task RefreshNowAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var today = clock.Today();
            var taken = await CoverageSnapshots.TakeAsync(db, new DateOnly(today.Year, today.Month, 1), today, replace: true, ct);
            LogRefreshed(logger, taken.Month, taken.Rows);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The daily run or the next edit tries again; meanwhile the pages show the older snapshot and its time.
            LogFailed(logger, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _dirty.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Debounce, clock, stoppingToken);
                // Edits made while waiting are in this refresh.
                while (_dirty.Reader.TryRead(out _))
                {
                }

                await RefreshNowAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Coverage snapshot {Month} refreshed: {Rows} rows")]
    private static partial void LogRefreshed(ILogger logger, DateOnly month, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coverage snapshot refresh failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
