using System.Data.Common;

namespace Lindung.Features.Jobs;

/// <summary>
/// Takes a job's progress reports on the job's own thread without waiting, and writes the latest one
/// to the job's row at most once per interval from a loop of its own, outside the change tracker and
/// the audit trail (progress is not a change anyone needs to review).
/// </summary>
internal abstract class ProgressRecorder<T>(TimeSpan interval, TimeProvider clock) : IProgress<T>
    where T : class
{
    private T? _latest;
    private T? _written;

    public void Report(T value) => Volatile.Write(ref _latest, value);

    /// <summary>
    /// Starts writing in the background; disposing the result stops the loop and waits for its last
    /// write, so a job's final state is never overwritten by a late progress write.
    /// </summary>
    public IAsyncDisposable Start() => new Recording(this);

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

    /// <summary>Writes one report to the job's row.</summary>
    protected abstract Task WriteAsync(T latest, CancellationToken ct);

    private async Task FlushAsync(CancellationToken ct)
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is null || ReferenceEquals(latest, _written))
        {
            return;
        }

        try
        {
            await WriteAsync(latest, ct);
            _written = latest;
        }
        catch (DbException)
        {
            // Progress is best effort: a write that fails (SQLite busy with the job's own commit) is
            // tried again at the next tick, and never fails the job.
        }
    }

    protected static string Truncate(string phase) => phase.Length <= 40 ? phase : phase[..40];

    private sealed class Recording : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Recording(ProgressRecorder<T> recorder) => _loop = recorder.RunAsync(_stop.Token);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }
}
