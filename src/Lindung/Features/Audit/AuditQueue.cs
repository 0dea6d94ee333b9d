using System.Threading.Channels;
using Lindung.Data;
using Lindung.Data.Entities;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Audit;

/// <summary>
/// Audit events of read-only answers (compliance checks) that need not share a transaction with a
/// change: the request hands its event to a bounded in-memory queue and answers; <see cref="AuditQueueWriter"/>
/// writes what is waiting in batches. When the queue is full the request waits for room (it is
/// never dropped), and once the host has begun to stop the request writes its own event. A
/// graceful stop writes everything queued; a crash loses what was queued and not yet committed:
/// the answers of the last flush interval and the batch being written (docs/API.md, "Audit of
/// compliance checks").
/// </summary>
internal sealed class AuditQueue
{
    /// <summary>How many events may wait; past this, requests wait for the writer.</summary>
    public const int Capacity = 10_000;

    private readonly Channel<AuditEvent> _channel = Channel.CreateBounded<AuditEvent>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<AuditEvent> Reader => _channel.Reader;

    /// <summary>Queues the event; when the writer has stopped, saves it with <paramref name="db"/> instead.</summary>
    public async ValueTask AddAsync(AuditEvent audit, LindungDbContext db)
    {
        if (_channel.Writer.TryWrite(audit))
        {
            return;
        }

        try
        {
            // Not the request's token: an answer already computed is audited even if its client went away.
            await _channel.Writer.WriteAsync(audit, CancellationToken.None);
        }
        catch (ChannelClosedException)
        {
            db.AuditEvents.Add(audit);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>No more events are queued; the writer drains what is waiting and ends.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}

/// <summary>How long the first queued event waits for others before the writer saves them (<c>Audit:FlushInterval</c>).</summary>
internal sealed class AuditQueueSettings
{
    public const string Section = "Audit";

    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}

/// <summary>
/// Writes queued audit events: once an event arrives it waits <see cref="AuditQueueSettings.FlushInterval"/>
/// for others, then appends everything waiting in batches of up to <see cref="MaxBatch"/>, each batch
/// in one transaction (<see cref="AuditEventInsert"/>: one write transaction a tenth of a second
/// instead of one per answer, and no change tracking), without retiring the answers cached for the database's
/// version (<see cref="DatabaseVersion.WriteUnversionedAsync"/>). On a graceful stop it closes the queue and writes every event
/// still waiting before the host ends; a failed write is retried, never dropped.
/// </summary>
internal sealed partial class AuditQueueWriter(
    AuditQueue queue, IServiceScopeFactory scopes, DatabaseVersion version, IOptions<AuditQueueSettings> settings, ILogger<AuditQueueWriter> logger)
    : BackgroundService
{
    public const int MaxBatch = 500;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEvent>(MaxBatch);
        var interval = settings.Value.FlushInterval;
        // Not the stopping token: a stop completes the queue, and the loop ends once it is empty.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (interval > TimeSpan.Zero && !stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: write what is waiting now.
                }
            }

            while (queue.Reader.TryRead(out var audit))
            {
                batch.Add(audit);
                if (batch.Count == MaxBatch)
                {
                    await WriteAsync(batch);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task WriteAsync(List<AuditEvent> batch)
    {
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
                // Unversioned: no cached answer reads the audit, so writing it keeps them.
                await version.WriteUnversionedAsync(db, ct => AuditEventInsert.AppendAsync(db, batch, ct), CancellationToken.None);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogWriteFailed(logger, batch.Count, e);
                await Task.Delay(RetryDelay, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} queued audit events failed; retrying.")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
