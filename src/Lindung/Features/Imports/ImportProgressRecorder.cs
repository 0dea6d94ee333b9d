using Lindung.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Imports;

/// <summary>
/// Takes the runner's progress reports on its own thread without waiting, and writes the latest one
/// to the job row at most once per interval from a loop of its own, outside the change tracker and
/// the audit trail (progress is not a change anyone needs to review).
/// </summary>
internal sealed class ImportProgressRecorder(IServiceScopeFactory scopes, Guid jobId, TimeSpan interval, TimeProvider clock)
    : IProgress<ImportProgress>
{
    private ImportProgress? _latest;
    private ImportProgress? _written;

    public void Report(ImportProgress value) => Volatile.Write(ref _latest, value);

    /// <summary>Writes changes until cancelled, then once more so the last report is never lost.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await FlushAsync(stop);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is null || ReferenceEquals(latest, _written))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Phase, Truncate(latest.Phase))
                .SetProperty(j => j.RowsRead, latest.RowsRead)
                .SetProperty(j => j.BytesRead, latest.BytesRead)
                .SetProperty(j => j.TotalBytes, latest.TotalBytes),
            ct);
        _written = latest;
    }

    private static string Truncate(string phase) => phase.Length <= 40 ? phase : phase[..40];
}
