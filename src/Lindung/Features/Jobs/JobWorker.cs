namespace Lindung.Features.Jobs;

/// <summary>
/// Runs the jobs of one queue in the background, <paramref name="concurrency"/> at a time. At startup
/// the subclass settles what a stopped process left behind (running jobs marked failed) and names the
/// jobs still waiting, which are queued again. Each job is tracked while it runs, so a cancel reaches it.
/// </summary>
internal abstract class JobWorker(JobQueue queue, int concurrency) : BackgroundService
{
    protected JobQueue Queue => queue;

    /// <summary>
    /// Recovers before the app takes requests (hosted services start in order, after the database
    /// migrator), so a job asked for from now on is never mistaken for one a stopped process left.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await RecoverAsync(cancellationToken))
        {
            queue.TryEnqueue(id);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => DrainAsync(stoppingToken)));
    }

    /// <summary>Marks the jobs a stopped process left running as failed; returns those still queued, oldest first.</summary>
    protected abstract Task<IReadOnlyList<Guid>> RecoverAsync(CancellationToken ct);

    /// <summary>
    /// Runs one job. <paramref name="cancellation"/> is signalled by a cancel request or by shutdown
    /// (<paramref name="stoppingToken"/>), so the job can tell the two apart.
    /// </summary>
    protected abstract Task RunJobAsync(Guid jobId, CancellationTokenSource cancellation, CancellationToken stoppingToken);

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var jobId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                queue.Track(jobId, cancellation);
                try
                {
                    await RunJobAsync(jobId, cancellation, stoppingToken);
                }
                finally
                {
                    queue.Untrack(jobId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
