using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Lindung.Features.Jobs;

/// <summary>
/// Job ids waiting to run (a bounded channel; the job's row holds the rest) and the cancellation
/// source of each job running in this process. One queue per kind of job (imports, reconciliation runs).
/// </summary>
internal abstract class JobQueue(int capacity)
{
    private readonly Channel<Guid> _waiting = Channel.CreateBounded<Guid>(
        new BoundedChannelOptions(Math.Max(1, capacity)) { FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public ChannelReader<Guid> Reader => _waiting.Reader;

    /// <summary>False when the queue is full; the caller refuses the request.</summary>
    public bool TryEnqueue(Guid jobId) => _waiting.Writer.TryWrite(jobId);

    /// <summary>Registered before the job turns Running, so a cancel never falls between the two.</summary>
    public void Track(Guid jobId, CancellationTokenSource cancellation) => _running[jobId] = cancellation;

    public void Untrack(Guid jobId) => _running.TryRemove(jobId, out _);

    /// <summary>Signals a running job to stop; false when it does not run in this process.</summary>
    public bool CancelRunning(Guid jobId)
    {
        if (!_running.TryGetValue(jobId, out var cancellation))
        {
            return false;
        }

        try
        {
            cancellation.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
