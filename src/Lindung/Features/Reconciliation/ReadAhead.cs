using System.Collections.Concurrent;

namespace Lindung.Features.Reconciliation;

/// <summary>
/// Enumerates a source on another thread, a few chunks ahead of the caller, so reading and parsing
/// a file runs on one core while the other works on the rows already read. Order is kept; an
/// exception of the source surfaces in the caller; a caller that stops early stops the reader.
/// </summary>
internal static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int chunkSize = 4096, int chunksAhead = 8)
    {
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<T[]>(chunksAhead);
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in source.Chunk(chunkSize))
                {
                    queue.Add(chunk, stop.Token);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable())
            {
                foreach (var item in chunk)
                {
                    yield return item;
                }
            }

            reader.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            if (!reader.IsCompleted)
            {
                // The reader is blocked on a full queue or finishing a chunk; it ends on the cancel.
                reader.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
            }
        }
    }
}
